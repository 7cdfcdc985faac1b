using System.Reflection;
using System.Runtime.ExceptionServices;

namespace CloudNative.Hosting.Testing;

/// <summary>
/// Runs an AppHost's Program.cs up to <c>Build()</c> and hands its builder to the test, as Aspire.Hosting.Testing
/// does. Tests get randomized ports, ephemeral data, no persisted secrets and resource logs in the test output.
/// </summary>
public static class DistributedApplicationTestingBuilder
{
    public static Task<IDistributedApplicationTestingBuilder> CreateAsync<TEntryPoint>(CancellationToken cancellationToken = default) where TEntryPoint : class =>
        CreateAsync(typeof(TEntryPoint), [], cancellationToken);

    public static Task<IDistributedApplicationTestingBuilder> CreateAsync<TEntryPoint>(string[] args, CancellationToken cancellationToken = default) where TEntryPoint : class =>
        CreateAsync(typeof(TEntryPoint), args, cancellationToken);

    public static Task<IDistributedApplicationTestingBuilder> CreateAsync<TEntryPoint>(string[] args, Action<DistributedApplicationOptions> configureOptions, CancellationToken cancellationToken = default) where TEntryPoint : class =>
        CreateAsync(typeof(TEntryPoint), args, configureOptions, cancellationToken);

    public static Task<IDistributedApplicationTestingBuilder> CreateAsync(Type entryPoint, string[] args, CancellationToken cancellationToken = default) =>
        CreateAsync(entryPoint, args, _ => { }, cancellationToken);

    public static async Task<IDistributedApplicationTestingBuilder> CreateAsync(Type entryPoint, string[] args, Action<DistributedApplicationOptions> configureOptions, CancellationToken cancellationToken = default)
    {
        var assembly = entryPoint.Assembly;
        var main = assembly.EntryPoint
            ?? throw new InvalidOperationException($"Assembly '{assembly.GetName().Name}' has no entry point. Pass a type from the AppHost project (Projects.<AppHostName>).");
        var session = new TestingSession(options =>
        {
            ApplyTestingDefaults(options);
            options.Assembly = assembly;
            configureOptions(options);
        });

        var mainThread = new Thread(() => RunMain(main, args, session)) { IsBackground = true, Name = $"{assembly.GetName().Name} Main" };
        TestingHooks.Begin(session);
        mainThread.Start();
        var builder = await session.Builder.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new TestingBuilder(builder, session);
    }

    public static IDistributedApplicationTestingBuilder Create(params string[] args)
    {
        var session = new TestingSession(ApplyTestingDefaults);
        TestingHooks.Begin(session);
        var builder = (DistributedApplicationBuilder)DistributedApplication.CreateBuilder(args);
        return new TestingBuilder(builder, session);
    }

    private static void ApplyTestingDefaults(DistributedApplicationOptions options)
    {
        options.RandomizePorts = true;
        options.EphemeralData = true;
        options.PersistGeneratedParameters = false;
        options.EnableResourceLogging = true;
    }

    /// <summary>Runs the AppHost's Main until its Build() throws the capture signal; any other failure reaches the test.</summary>
    private static void RunMain(MethodInfo main, string[] args, TestingSession session)
    {
        try
        {
            var result = main.Invoke(null, main.GetParameters().Length == 0 ? [] : [args]);
            if (result is Task task)
            {
                task.GetAwaiter().GetResult();
            }

            session.Fail(new InvalidOperationException("The AppHost's Main returned without calling Build() on its DistributedApplication builder."));
        }
        catch (Exception ex) when (Unwrap(ex) is BuilderCapturedException)
        {
        }
        catch (Exception ex)
        {
            session.Fail(ExceptionDispatchInfo.Capture(Unwrap(ex)).SourceException);
        }
    }

    private static Exception Unwrap(Exception exception) =>
        exception is TargetInvocationException { InnerException: { } inner } ? Unwrap(inner) : exception;
}
