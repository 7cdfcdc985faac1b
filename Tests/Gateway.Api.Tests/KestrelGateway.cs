using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Api.Tests;

// One stand-in catalog and one gateway on a real Kestrel loopback port, shared by a test class.
public sealed class KestrelGateway : IAsyncLifetime
{
    StubCatalog? backend;
    GatewayFactory? gateway;

    public int Port { get; private set; }

    public HttpClient Client { get; private set; } = null!;

    // The same gateway with an admin's access token on every request.
    public HttpClient AdminClient { get; private set; } = null!;

    // The status each finished request left on the gateway's side, also for answers nobody received (499).
    public ConcurrentQueue<(string Path, int Status)> Completed { get; } = new();

    readonly Channel<(string Path, int Status)> completions = Channel.CreateUnbounded<(string, int)>();

    // The status of the next request on path to finish on the gateway's side.
    public async Task<int> NextCompletedAsync(string path)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await foreach (var (completedPath, status) in completions.Reader.ReadAllAsync(timeout.Token))
        {
            if (completedPath == path)
            {
                return status;
            }
        }
        throw new InvalidOperationException("unreachable");
    }

    public async Task InitializeAsync()
    {
        backend = await StubCatalog.StartAsync();
        gateway = GatewayFactory.OnKestrel(backend.Url);
        gateway.WithStartupFilter(new RecordCompleted(this));
        Port = gateway.Port;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port}") };
        AdminClient = new HttpClient { BaseAddress = Client.BaseAddress };
        AdminClient.DefaultRequestHeaders.Authorization = new("Bearer", TestIdentity.Shared.AdminToken());

        // Ready means able to check tokens: the first one fetches Identity's keys (and JIT-compiles the token stack),
        // which is no part of what the tests time out on.
        (await AdminClient.GetAsync("/api/catalog/items")).EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        AdminClient.Dispose();
        if (gateway is not null) await gateway.DisposeAsync();
        if (backend is not null) await backend.DisposeAsync();
    }

    sealed class RecordCompleted(KestrelGateway owner) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate inner) =>
            {
                try
                {
                    await inner(context);
                }
                finally
                {
                    var completed = (context.Request.Path.Value ?? "", context.Response.StatusCode);
                    owner.Completed.Enqueue(completed);
                    owner.completions.Writer.TryWrite(completed);
                }
            });
            next(app);
        };
    }
}
