using CloudNative.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

// Without a container engine, Postgres, Redis and Kafka run as local processes (LocalProcesses:Mode).
builder.AddLocalProcessFallback();

// Backing services: one database per service, a cache, and the event backbone.
// A named volume: the manifest stays the same wherever the repository is cloned.
var postgres = builder.AddPostgres("postgres").WithDataVolume("cloudnative-postgres-data");
var catalogDb = postgres.AddDatabase("catalogdb");
var identityDb = postgres.AddDatabase("identitydb");

var cache = builder.AddRedis("cache");

var kafka = builder.AddKafka("kafka")
    .WithTopic("catalog-events", partitions: 3)
    .WithTopic("order-events", partitions: 3)
    .WithTopic("payment-commands", partitions: 3);

// Services. Identity seeds its demo users (Development) and its service client from generated secrets.
var identity = builder.AddService<Projects.Identity_Api>("identity")
    .WithReference(identityDb).WaitFor(identityDb)
    .WithEnvironment("Identity__Seed__DemoPassword", builder.AddSecret("demo-password"))
    .WithEnvironment("Identity__Seed__AdminPassword", builder.AddSecret("admin-password"))
    .WithEnvironment("Identity__Clients__ServiceSecret", builder.AddSecret("identity-service-secret"));

var catalog = builder.AddService<Projects.Catalog_Api>("catalog")
    .WithReference(catalogDb).WaitFor(catalogDb)
    .WithReference(cache).WaitFor(cache);

// The single public entry: a fixed port on this machine (Gateway:Port, default 5000); deployed, the ingress owns the port.
// Two replicas behind Aspire's proxy on that port; they share each client's rate limit through the cache.
builder.AddService<Projects.Gateway_Api>("gateway")
    .WithReplicas(2)
    .WithEndpoint("http", endpoint => endpoint.Port = builder.ExecutionContext.IsRunMode ? builder.Configuration.GetValue("Gateway:Port", 5000) : null)
    .WithExternalHttpEndpoints()
    .WithReference(cache).WaitFor(cache)
    .WithReference(catalog).WaitFor(catalog)
    .WithReference(identity).WaitFor(identity);

builder.Build().Run();
