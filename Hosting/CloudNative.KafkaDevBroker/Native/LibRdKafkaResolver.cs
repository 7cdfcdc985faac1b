using System.Reflection;
using System.Runtime.InteropServices;

namespace CloudNative.KafkaDevBroker.Native;

// librdkafka.redist's default linux-x64 build links libsasl2.so.3, which Debian does not ship, so
// it fails to load there. The package's centos8 build (and the alpine build on musl) has no such
// dependency. Confluent.Kafka falls back the same way; a plain P/Invoke would not.
internal static class LibRdKafkaResolver
{
    private static readonly string[] Fallbacks = ["centos8-librdkafka.so", "alpine-librdkafka.so"];

    public static void Register() =>
        NativeLibrary.SetDllImportResolver(typeof(LibRdKafkaResolver).Assembly, Resolve);

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != LibRdKafka.Library)
        {
            return 0;
        }

        if (NativeLibrary.TryLoad(name, assembly, searchPath, out var handle))
        {
            return handle;
        }

        foreach (var file in Fallbacks)
        {
            foreach (var directory in NativeDirectories())
            {
                if (NativeLibrary.TryLoad(Path.Combine(directory, file), out handle))
                {
                    return handle;
                }
            }
        }

        // Zero lets the runtime probe once more and throw a DllNotFoundException with dlerror's reason.
        return 0;
    }

    // A RID-less build keeps the package layout; a RID-specific publish flattens it next to the app.
    private static IEnumerable<string> NativeDirectories()
    {
        var root = AppContext.BaseDirectory;
        var architecture = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        return new[]
        {
            Path.Combine(root, "runtimes", RuntimeInformation.RuntimeIdentifier, "native"),
            Path.Combine(root, "runtimes", $"linux-{architecture}", "native"),
            root,
        }.Distinct();
    }
}
