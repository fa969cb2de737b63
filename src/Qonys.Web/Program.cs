var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/", () => "Qonys");
app.Run();
