using CloudNative.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

// Without a container engine, Postgres, Redis and Kafka run as local processes (LocalProcesses:Mode).
builder.AddLocalProcessFallback();

// Backing services: one database per service, a cache, and the event backbone.
// A named volume: the manifest stays the same wherever the repository is cloned.
var postgres = builder.AddPostgres("postgres").WithDataVolume("cloudnative-postgres-data");
var catalogDb = postgres.AddDatabase("catalogdb");

var cache = builder.AddRedis("cache");

var kafka = builder.AddKafka("kafka")
    .WithTopic("catalog-events", partitions: 3)
    .WithTopic("order-events", partitions: 3)
    .WithTopic("payment-commands", partitions: 3);

// Services.
var catalog = builder.AddService<Projects.Catalog_Api>("catalog")
    .WithReference(catalogDb).WaitFor(catalogDb)
    .WithReference(cache).WaitFor(cache);

// The single public entry: a fixed port on this machine (Gateway:Port, default 5000); deployed, the ingress owns the port.
builder.AddService<Projects.Gateway_Api>("gateway")
    .WithEndpoint("http", endpoint => endpoint.Port = builder.ExecutionContext.IsRunMode ? builder.Configuration.GetValue("Gateway:Port", 5000) : null)
    .WithExternalHttpEndpoints()
    .WithReference(catalog).WaitFor(catalog);

builder.Build().Run();
