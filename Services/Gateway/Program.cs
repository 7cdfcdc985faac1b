using Gateway.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

// The gateway's own failures, and bare error status codes (e.g. 404 for an unknown route), become problem details.
app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapDefaultEndpoints();
app.MapGateway();

app.Run();
