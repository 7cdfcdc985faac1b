using CloudNative.Hosting.Publishing;
using CloudNative.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CloudNative.Hosting.Tests.Publishing;

/// <summary>
/// The switches Aspire maps (aspire-contracts §4.1) and the bad input they can carry: each gives Aspire's message
/// (or a clear one where Aspire has none) as a <see cref="DistributedApplicationException"/>, which RunAsync turns
/// into one log line and exit code 1.
/// </summary>
[Collection(ExitCodeCollection.Name)]
public sealed class PublishingCommandLineTests
{
    [Fact]
    public async Task PublisherWithoutOutputPathGivesAspiresMessage()
    {
        using var builder = DistributedApplicationTestingBuilder.Create("--publisher", "manifest");
        var app = await builder.BuildAsync();

        var exception = await Assert.ThrowsAsync<DistributedApplicationException>(() => PublisherSelector.PublishAsync(app, app.Builder, CancellationToken.None));

        Assert.Equal("The '--output-path [path]' option was not specified even though '--publisher manifest' argument was used.", exception.Message);
    }

    [Fact]
    public async Task UnknownPublisherListsTheValidOnes()
    {
        using var builder = DistributedApplicationTestingBuilder.Create("--publisher", "helm", "--output-path", Path.GetTempPath());
        var app = await builder.BuildAsync();

        var exception = await Assert.ThrowsAsync<DistributedApplicationException>(() => PublisherSelector.PublishAsync(app, app.Builder, CancellationToken.None));

        Assert.Equal("Unknown publisher 'helm'. Valid publishers are: 'manifest'.", exception.Message);
    }

    [Fact]
    public async Task OutputPathThatCannotBeWrittenSaysWhere()
    {
        var blocker = Path.GetTempFileName();
        try
        {
            var manifestPath = Path.Combine(blocker, "sub", "aspire-manifest.json");
            using var builder = DistributedApplicationTestingBuilder.Create("--publisher", "manifest", "--output-path", manifestPath);
            builder.AddParameter("p");
            var app = await builder.BuildAsync();

            var exception = await Assert.ThrowsAsync<DistributedApplicationException>(() => PublisherSelector.PublishAsync(app, app.Builder, CancellationToken.None));

            Assert.StartsWith($"Could not write the manifest to '{manifestPath}':", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    [Fact]
    public async Task DirectoryOutputPathGetsAspireManifestJson()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"cloudnative-manifest-dir-{Guid.NewGuid():N}");
        try
        {
            using var builder = DistributedApplicationTestingBuilder.Create("--publisher", "manifest", "--output-path", directory);
            builder.AddParameter("p");
            var app = await builder.BuildAsync();

            await PublisherSelector.PublishAsync(app, app.Builder, CancellationToken.None);

            Assert.True(File.Exists(Path.Combine(directory, "aspire-manifest.json")));
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task OperationPublishAloneWritesTheManifest()
    {
        var manifestPath = Path.Combine(Path.GetTempPath(), $"cloudnative-{Guid.NewGuid():N}.json");
        try
        {
            using var builder = DistributedApplicationTestingBuilder.Create("--operation", "publish", "--output-path", manifestPath);
            builder.AddParameter("p");
            Assert.True(builder.ExecutionContext.IsPublishMode);
            var app = await builder.BuildAsync();

            await PublisherSelector.PublishAsync(app, app.Builder, CancellationToken.None);

            Assert.True(File.Exists(manifestPath));
        }
        finally
        {
            File.Delete(manifestPath);
        }
    }

    [Fact]
    public async Task RunAsyncPublishesLogsWhereAndStartsNothing()
    {
        var manifestPath = Path.Combine(Path.GetTempPath(), $"cloudnative-{Guid.NewGuid():N}.json");
        var logs = new CapturingLoggerProvider();
        try
        {
            using var builder = DistributedApplicationTestingBuilder.Create("--publisher", "manifest", "--output-path", manifestPath);
            builder.Services.AddLogging(logging => logging.AddProvider(logs));
            builder.AddParameter("p");
            var app = await builder.BuildAsync();

            await app.RunAsync();

            Assert.True(File.Exists(manifestPath));
            Assert.Contains($"Published manifest to: {manifestPath}", logs.Messages);
            Assert.Null(app.Services.GetService<CloudNative.Hosting.Orchestration.ApplicationOrchestrator>());
        }
        finally
        {
            File.Delete(manifestPath);
        }
    }

    [Fact]
    public async Task RunAsyncTurnsARefusedModelIntoOneLineAndExitCodeOne()
    {
        var manifestPath = Path.Combine(Path.GetTempPath(), $"cloudnative-{Guid.NewGuid():N}.json");
        var logs = new CapturingLoggerProvider();
        var exitCode = Environment.ExitCode;
        try
        {
            using var builder = DistributedApplicationTestingBuilder.Create("--publisher", "manifest", "--output-path", manifestPath);
            builder.Services.AddLogging(logging => logging.AddProvider(logs));
            builder.AddExecutable("tool", "python3", Path.GetTempPath());
            var app = await builder.BuildAsync();

            await app.RunAsync();

            Assert.Equal(1, Environment.ExitCode);
            Assert.Contains("The manifest was not written because azd would refuse it: unsupported resource type: executable.v0", logs.Messages);
            Assert.False(File.Exists(manifestPath));
        }
        finally
        {
            Environment.ExitCode = exitCode;
            File.Delete(manifestPath);
        }
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly List<string> _messages = [];

        public IReadOnlyList<string> Messages
        {
            get
            {
                lock (_messages)
                {
                    return [.. _messages];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner._messages)
                {
                    owner._messages.Add(formatter(state, exception));
                }
            }
        }
    }
}

/// <summary>Tests that change the process exit code run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExitCodeCollection
{
    public const string Name = "Process exit code";
}
