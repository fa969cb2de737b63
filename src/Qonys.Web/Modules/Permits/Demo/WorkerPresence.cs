namespace Qonys.Web.Modules.Permits.Demo;

/// <summary>On which of the published dates (2025-03-01, 05-01, 08-01) a planned foreign worker holds a valid permit.</summary>
internal enum WorkerPresence { ThroughAll, MarchOnly, MarchAndMay, MayAndAugust, MayOnly, AugustOnly }
