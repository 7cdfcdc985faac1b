namespace CloudNative.Hosting.ApplicationModel;

/// <summary>Aspire's naming rules: names become DNS labels, env var prefixes and manifest keys.</summary>
internal static class ResourceNameRules
{
    public static void ThrowIfInvalid(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > 64)
        {
            throw new ArgumentException($"Resource name '{name}' is longer than 64 characters. Choose a shorter name.", nameof(name));
        }

        if (!char.IsAsciiLetter(name[0]))
        {
            throw new ArgumentException($"Resource name '{name}' must start with an ASCII letter.", nameof(name));
        }

        if (name[^1] == '-' || name.Contains("--", StringComparison.Ordinal))
        {
            throw new ArgumentException($"Resource name '{name}' must not end with a hyphen or contain consecutive hyphens.", nameof(name));
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '-')
            {
                throw new ArgumentException($"Resource name '{name}' may contain only ASCII letters, digits and hyphens; '{c}' is not allowed.", nameof(name));
            }
        }
    }
}
