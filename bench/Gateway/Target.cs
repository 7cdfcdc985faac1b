namespace CloudNative.Bench.Gateway;

/// <summary>One way to reach the same catalog endpoint, and what stands between the client and catalog.</summary>
internal sealed record Target(string Name, Uri BaseAddress, string Path)
{
    public Uri Url => new(BaseAddress, Path);
}
