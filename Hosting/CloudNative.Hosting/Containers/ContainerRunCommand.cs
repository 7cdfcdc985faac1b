using System.Globalization;
using CloudNative.Hosting.ApplicationModel;
using CloudNative.Hosting.Orchestration;

namespace CloudNative.Hosting.Containers;

/// <summary>The <c>run</c> command line for a container resource, shared by docker and podman.</summary>
internal static class ContainerRunCommand
{
    public static List<string> Build(ContainerResource container, ReplicaInstance replica, IEnumerable<string> environmentNames, IReadOnlyList<string> args, bool ephemeralData)
    {
        var image = container.Annotations.OfType<ContainerImageAnnotation>().LastOrDefault()
            ?? throw new DistributedApplicationException($"Container resource '{container.Name}' has no image. Add one with WithImage().");

        // The labels let 'docker ps --filter label=cloudnative.resource' find containers an AppHost that was killed left behind.
        List<string> command =
        [
            "run", "--rm", "--name", replica.ReplicaId,
            "--label", $"cloudnative.resource={container.Name}",
            "--label", $"cloudnative.apphost.pid={Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}",
        ];
        foreach (var endpoint in container.Annotations.OfType<EndpointAnnotation>())
        {
            var targetPort = endpoint.TargetPort
                ?? throw new DistributedApplicationException($"Container resource '{container.Name}' endpoint '{endpoint.Name}' has no target port. Containers must declare the port they listen on.");
            command.AddRange(["-p", $"127.0.0.1:{replica.TargetPorts[endpoint.Name]}:{targetPort}"]);
        }

        foreach (var name in environmentNames)
        {
            command.AddRange(["-e", name]);
        }

        foreach (var mount in container.Annotations.OfType<ContainerMountAnnotation>())
        {
            // Ephemeral runs drop the volume name, which makes the runtime create an anonymous volume removed with --rm.
            var source = mount.IsVolume && ephemeralData ? null : mount.Source;
            var spec = source is null ? mount.Target : $"{source}:{mount.Target}";
            command.AddRange(["-v", mount.IsReadOnly ? spec + ":ro" : spec]);
        }

        if (container.Entrypoint is { } entrypoint)
        {
            command.AddRange(["--entrypoint", entrypoint]);
        }

        command.Add(image.FullReference);
        command.AddRange(args);
        return command;
    }
}
