namespace Qonys.Engines;

/// <summary>Marker for the pure computation library: no I/O, no clock, no database.</summary>
public static class EngineInfo
{
    public const string Name = "Qonys.Engines";
}
