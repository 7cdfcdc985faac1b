using System.Security.Cryptography;

namespace CloudNative.Hosting.Orchestration;

/// <summary>DCP's replica names: the resource name and eight random lower-case letters; also the OTel service.instance.id.</summary>
internal static class ReplicaIds
{
    public static string New(string resourceName) =>
        $"{resourceName}-{RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz", 8)}";
}
