// The gateway bench's second peer: YARP as its direct-forwarding sample has it, and nothing else (no auth, rate limits,
// resilience, telemetry or logging). What it costs is what any YARP gateway pays on this machine before its own
// features; the gap between it and our gateway is ours to close, the gap between it and nginx is the platform's.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddHttpForwarder();

var app = builder.Build();
app.MapForwarder("/{**catch-all}", app.Configuration["Upstream"] ?? throw new InvalidOperationException("Upstream is required: --Upstream http://host:port"));
app.Run();
