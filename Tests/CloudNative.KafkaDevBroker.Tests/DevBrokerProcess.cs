using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace CloudNative.KafkaDevBroker.Tests;

/// <summary>The built broker started as a child process, the way the AppHost starts it.</summary>
public sealed class DevBrokerProcess : IDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly StringBuilder stderr = new();
    private readonly TaskCompletionSource<string> bootstrap = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DevBrokerProcess(Process process) => this.process = process;

    public static string BrokerDll { get; } = typeof(DevBrokerProcess).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "KafkaDevBrokerDll").Value!;

    public int Id => process.Id;

    public string StandardError
    {
        get
        {
            lock (stderr)
            {
                return stderr.ToString();
            }
        }
    }

    /// <summary>Starts the broker; it watches stdin so it also dies if the test host does.</summary>
    public static DevBrokerProcess Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(BrokerDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var broker = new DevBrokerProcess(new Process { StartInfo = info });
        broker.process.OutputDataReceived += (_, e) => broker.OnOutput(e.Data);
        broker.process.ErrorDataReceived += (_, e) => broker.OnError(e.Data);
        broker.process.Start();
        broker.process.BeginOutputReadLine();
        broker.process.BeginErrorReadLine();
        return broker;
    }

    public static async Task<(DevBrokerProcess Broker, string BootstrapServers)> StartReadyAsync(params string[] args)
    {
        var broker = Start(args);
        try
        {
            return (broker, await broker.WaitForBootstrapServersAsync());
        }
        catch
        {
            broker.Dispose();
            throw;
        }
    }

    public async Task<string> WaitForBootstrapServersAsync() =>
        await bootstrap.Task.WaitAsync(StartTimeout);

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        return process.ExitCode;
    }

    public void Terminate() => Posix.Terminate(process.Id);

    public void CloseStandardInput() => process.StandardInput.Close();

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        process.Dispose();
    }

    private void OnOutput(string? line)
    {
        const string prefix = "KAFKA_BOOTSTRAP_SERVERS=";
        if (line is null)
        {
            bootstrap.TrySetException(new InvalidOperationException(
                $"The broker exited before printing {prefix}. stderr:\n{StandardError}"));
        }
        else if (line.StartsWith(prefix, StringComparison.Ordinal))
        {
            bootstrap.TrySetResult(line[prefix.Length..]);
        }
    }

    private void OnError(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (stderr)
        {
            stderr.AppendLine(line);
        }
    }
}
