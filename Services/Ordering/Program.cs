using Ordering.Api.Apis;
using Ordering.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

// Unhandled exceptions and bare error status codes (e.g. a body that does not bind) become problem details.
app.UseExceptionHandler();
app.UseStatusCodePages();

app.UseAuthentication();
app.UseAuthorization();

app.MapOpenApi();
app.MapDefaultEndpoints();
app.MapOrdersApi();

app.Run();
