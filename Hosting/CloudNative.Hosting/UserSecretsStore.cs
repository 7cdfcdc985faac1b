using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration.UserSecrets;

namespace CloudNative.Hosting;

/// <summary>
/// The AppHost's user secrets (<c>dotnet user-secrets list --project AppHost</c> shows them), where
/// generated parameter values are kept so passwords survive restarts together with the data directories.
/// </summary>
internal sealed class UserSecretsStore(string userSecretsId)
{
    private static readonly Lock s_gate = new();

    public string FilePath { get; } = PathHelper.GetSecretsPathFromSecretsId(userSecretsId);

    public void Set(string key, string value)
    {
        lock (s_gate)
        {
            var secrets = File.Exists(FilePath) ? JsonNode.Parse(File.ReadAllText(FilePath)) as JsonObject ?? [] : [];
            secrets[key] = value;
            Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
            var temp = FilePath + ".tmp";
            File.WriteAllText(temp, secrets.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.Move(temp, FilePath, overwrite: true);
        }
    }
}
