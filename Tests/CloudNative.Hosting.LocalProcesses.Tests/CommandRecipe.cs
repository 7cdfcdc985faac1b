namespace CloudNative.Hosting.LocalProcesses.Tests;

/// <summary>A recipe that runs one command in the resource's data directory: <c>sleep</c>, <c>sh -c</c>, or a binary that is not there.</summary>
internal sealed class CommandRecipe(string fileName, params string[] args) : ILocalProcessRecipe
{
    public const string MissingBinary = "cloudnative-no-such-binary";
    public const string MissingBinaryHint = "Install it with 'sudo apt-get install -y cloudnative-no-such-binary'.";

    public static CommandRecipe Missing() => new(MissingBinary) { RequiredBinaries = [new(MissingBinary, MissingBinaryHint)] };

    public IReadOnlyList<RequiredBinary> RequiredBinaries { get; init; } = [new(fileName, $"Install {fileName}.")];

    public IReadOnlyList<string> UnsupportedOptions { get; init; } = [];

    public string? DataMountTarget { get; init; }

    /// <summary>Thrown by <see cref="PrepareAsync"/>, as a failing initdb would.</summary>
    public Exception? PrepareFailure { get; init; }

    public Task PrepareAsync(LocalProcessContext context, CancellationToken cancellationToken) =>
        PrepareFailure is null ? Task.CompletedTask : Task.FromException(PrepareFailure);

    public IEnumerable<string> DescribeUnsupportedOptions(IResource resource) => UnsupportedOptions;

    /// <summary>When set, the command finds that endpoint's port in $PORT.</summary>
    public string? ListeningEndpointName { get; init; }

    public Task<ProcessSpec> CreateProcessSpecAsync(LocalProcessContext context, CancellationToken cancellationToken) =>
        Task.FromResult(new ProcessSpec(fileName, args,
            ListeningEndpointName is { } endpoint ? new Dictionary<string, string> { ["PORT"] = context.PortOf(endpoint).ToString(System.Globalization.CultureInfo.InvariantCulture) } : [],
            context.DataDirectory));
}
