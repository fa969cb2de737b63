// The platform is the ground floor every module stands on: its namespaces are in scope everywhere.
// Modules' namespaces are not: a module names another module's published surface explicitly.
global using Qonys.Web.Platform.Audit;
global using Qonys.Web.Platform.Auth;
global using Qonys.Web.Platform.Data;
global using Qonys.Web.Platform.Errors;
global using Qonys.Web.Platform.Hosting;
global using Qonys.Web.Platform.Idempotency;
global using Qonys.Web.Platform.Jobs;
global using Qonys.Web.Platform.Notifications;
global using Qonys.Web.Platform.Outbox;
global using Qonys.Web.Platform.Reference;
global using Qonys.Web.Platform.UseCases;
global using Qonys.Web.Platform.Ui;
