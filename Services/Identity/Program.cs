using Identity.Api.Apis;
using Identity.Api.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

// Unhandled exceptions and bare error status codes become problem details; OpenIddict writes its own OAuth errors.
app.UseExceptionHandler();
app.UseStatusCodePages();

// OpenIddict's endpoints (discovery, JWKS, token) run inside the authentication middleware.
app.UseAuthentication();

app.MapDefaultEndpoints();
app.MapTokenApi();

app.Run();
