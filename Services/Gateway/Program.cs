using Gateway.Api.Auth;
using Gateway.Api.Extensions;
using Gateway.Api.Http;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

// First, so every answer the app writes (proxied, problem details, health) carries them.
app.UseSecurityHeaders();

// The gateway's own failures, and bare error status codes (e.g. 404 for an unknown route), become problem details.
app.UseExceptionHandler();
app.UseStatusCodePages();

// Before routing: CONNECT, TRACE and unknown methods are refused here and never reach a backend.
app.UseStandardMethodsOnly();

// CORS (answers preflights) and the routes' timeouts; rate limits, retries and breakers are in the proxy pipeline.
// Before auth, so a browser's preflight (which carries no token) is answered.
app.UseGatewayPolicies();

// Validates the access token and applies the route's policy (401/403 problems); later middleware sees the user.
app.UseGatewayAuth();

app.MapDefaultEndpoints();
app.MapGateway();

app.Run();
