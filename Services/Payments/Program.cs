using Payments.Api.Apis;
using Payments.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

// Unhandled exceptions and bare error status codes (e.g. an order id that is not a GUID) become problem details.
app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapOpenApi();
app.MapDefaultEndpoints();
app.MapPaymentsApi();

app.Run();
