using System.Text;

namespace CloudNative.Hosting;

/// <summary>Aspire 13's encoding of resource and endpoint names into variable prefixes: upper case, anything else becomes '_'.</summary>
internal static class EnvironmentVariableNames
{
    public static string Encode(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_');
        }

        return builder.ToString();
    }
}
