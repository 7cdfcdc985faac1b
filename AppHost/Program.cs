using CloudNative.AppHost;

var builder = DistributedApplication.CreateBuilder(args);

// Without a container engine, Postgres, Redis and Kafka run as local processes (LocalProcesses:Mode).
builder.AddLocalProcessFallback();

// Backing services: one database per service, a cache, and the event backbone.
// A named volume: the manifest stays the same wherever the repository is cloned.
var postgres = builder.AddPostgres("postgres").WithDataVolume("cloudnative-postgres-data");
var catalogDb = postgres.AddDatabase("catalogdb");
var identityDb = postgres.AddDatabase("identitydb");
var paymentsDb = postgres.AddDatabase("paymentsdb");
var orderingDb = postgres.AddDatabase("orderingdb");

var cache = builder.AddRedis("cache");

// The checkout saga's topics (CloudNative.Contracts' Topics), keyed by order id. A consumer dead-letters what it cannot
// apply to "<topic>.dlt", which must exist: one for each topic a service consumes.
var kafka = builder.AddKafka("kafka")
    .WithTopic("catalog-commands", partitions: 3)
    .WithTopic("catalog-events", partitions: 3)
    .WithTopic("payment-commands", partitions: 3)
    .WithTopic("payment-events", partitions: 3)
    .WithTopic("order-events", partitions: 3)
    .WithTopic("catalog-commands.dlt", partitions: 1)
    .WithTopic("catalog-events.dlt", partitions: 1)
    .WithTopic("payment-commands.dlt", partitions: 1)
    .WithTopic("payment-events.dlt", partitions: 1);

// Services. Identity seeds its demo users (Development) and its service client from generated secrets.
var identity = builder.AddService<Projects.Identity_Api>("identity")
    .WithReference(identityDb).WaitFor(identityDb)
    .WithEnvironment("Identity__Seed__DemoPassword", builder.AddSecret("demo-password"))
    .WithEnvironment("Identity__Seed__AdminPassword", builder.AddSecret("admin-password"))
    .WithEnvironment("Identity__Clients__ServiceSecret", builder.AddSecret("identity-service-secret"));

// One process each, so callers reach it straight (as a Kubernetes Service does, in the kernel): Aspire's proxy in front
// of catalog halved the reads it served in the gateway bench. A port of its own per run, the launch profile's left out.
IResourceBuilder<ProjectResource> AddCatalog(string name) => builder.AddService<Projects.Catalog_Api>(name)
    .WithEndpoint("http", endpoint => (endpoint.IsProxied, endpoint.Port) = (false, null))
    .WithReference(catalogDb).WaitFor(catalogDb)
    .WithReference(cache).WaitFor(cache)
    .WithReference(kafka).WaitFor(kafka);

var catalog = AddCatalog("catalog");

// The catalog's next version beside it, for the gateway's canary and blue-green rollouts (no traffic until an admin
// starts one, see README). The same database, cache and Kafka, but it takes HTTP traffic only: catalog alone applies
// the stock commands, since cached reads are invalidated per instance and stable's must see every stock change. Its
// own settings come from the AppHost's "CatalogCanary" section: --CatalogCanary:Faults:ErrorRate=0.3.
var catalogCanary = AddCatalog("catalog-canary")
    .WithEnvironment("Catalog__ConsumeCommands", "false")
    .WithSettings(builder.Configuration.GetSection("CatalogCanary"));

// Internal: consumes payment commands only; two replicas share the consumer group (the provider's faults: Payments:Provider).
builder.AddService<Projects.Payments_Api>("payments")
    .WithReference(paymentsDb).WaitFor(paymentsDb)
    .WithReference(kafka).WaitFor(kafka)
    .WithReplicas(2);

// Baskets live in the cache; their products are checked against the catalog. Services wait for their own backing
// services only, not for each other: each answers a problem (503) while a peer is down, so they can all start at once.
var basket = builder.AddService<Projects.Basket_Api>("basket")
    .WithReference(cache).WaitFor(cache)
    .WithReference(catalog);

// Orders are event-sourced in orderingdb; the checkout saga talks to catalog and payments over Kafka. Two replicas:
// the outbox relay, the consumer group and the deadline sweeper are each safe to run twice.
var ordering = builder.AddService<Projects.Ordering_Api>("ordering")
    .WithReference(orderingDb).WaitFor(orderingDb)
    .WithReference(kafka).WaitFor(kafka)
    .WithReference(catalog)
    .WithReference(basket)
    .WithReplicas(2);

// The single public entry: a fixed port on this machine (Gateway:Port, default 5000); deployed, the ingress owns the port.
// Two replicas behind Aspire's proxy on that port; they share each client's rate limit through the cache.
var gateway = builder.AddService<Projects.Gateway_Api>("gateway")
    .WithReplicas(2)
    .WithEndpoint("http", endpoint => endpoint.Port = builder.ExecutionContext.IsRunMode ? builder.Configuration.GetValue("Gateway:Port", 5000) : null)
    .WithExternalHttpEndpoints()
    .WithReference(cache).WaitFor(cache)
    .WithReference(catalog)
    .WithReference(catalogCanary)
    .WithReference(identity)
    .WithReference(basket)
    .WithReference(ordering);

// Tokens are requested at the gateway, so its URL is the issuer: Identity writes it into every token whichever way the
// request came in, and the gateway accepts no other (it reads the keys from identity through service discovery).
var issuer = gateway.GetEndpoint("http");
identity.WithEnvironment("Identity__Issuer", issuer);
gateway.WithEnvironment("Gateway__Auth__Issuer", issuer);

builder.Build().Run();
