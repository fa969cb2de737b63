using Qonys.Web.Host;

// Qonys: one host for the API, the web UI and the operator commands.
//   dotnet run                       serve (demo mode by default: SQLite, demo data, demo accounts)
//   dotnet run -- migrate            apply database migrations and exit (production deployments)
//   dotnet run -- verify-audit       check the audit log's hash chain and exit (0 = intact)
//   dotnet run -- create-user --email E --role R   create an account (password from QONYS_PASSWORD)
//   dotnet run -- rotate-keys         add new token signing/encryption keys for integration clients (old ones validate until their tokens expire)
//   dotnet run -- create-client --id C --scopes events:a,events:b   register an integration client (prints its secret)
//   dotnet run -- rotate-client-secret --id C   a new secret for an integration client
//   dotnet run -- seed-demo --scale N  load the demo data set N times over (benchmarks)
//   dotnet run -- import --kind persons|employers|contracts --file F.csv   load a registry file (resumable)
//   dotnet run -- schema-sql          print the schema the model implies (to write a migration from)
return await QonysCommands.RunAsync(args);

/// <summary>Entry point type, visible to tests that host the app in-process.</summary>
public partial class Program;
