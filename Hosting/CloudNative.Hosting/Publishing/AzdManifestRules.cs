using System.Text.Json;
using System.Text.RegularExpressions;

namespace CloudNative.Hosting.Publishing;

/// <summary>
/// The checks azd makes when it loads an AppHost manifest (aspire-contracts §4.4; Azure/azure-dev
/// <c>cli/azd/pkg/apphost/generate.go</c> and <c>aca_ingress.go</c>), with azd's messages.
/// </summary>
public static partial class AzdManifestRules
{
    /// <summary>The resource types azd maps to Azure; anything else is "unsupported resource type".</summary>
    public static readonly IReadOnlySet<string> AcceptedTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "project.v0", "project.v1", "container.v0", "container.v1", "dockerfile.v0", "dapr.v0", "dapr.component.v0",
        "parameter.v0", "value.v0", "annotated.string", "azure.bicep.v0", "azure.bicep.v1",
    };

    private static readonly HashSet<string> s_computeTypes = new(StringComparer.Ordinal)
    {
        "project.v0", "project.v1", "container.v0", "container.v1", "dockerfile.v0",
    };

    public static IReadOnlyList<AzdRuleViolation> Check(JsonElement manifest)
    {
        var violations = new List<AzdRuleViolation>();
        if (!manifest.TryGetProperty("resources", out var resources) || resources.ValueKind != JsonValueKind.Object)
        {
            violations.Add(new("(manifest)", "the manifest has no 'resources' object"));
            return violations;
        }

        var secretNames = SecretValueNames(resources);
        foreach (var resource in resources.EnumerateObject())
        {
            var type = resource.Value.TryGetProperty("type", out var typeElement) ? typeElement.GetString() ?? string.Empty : string.Empty;
            if (!AcceptedTypes.Contains(type))
            {
                violations.Add(new(resource.Name, $"unsupported resource type: {type}"));
                continue;
            }

            if (type == "parameter.v0")
            {
                CheckParameter(resource.Name, resource.Value, violations);
            }

            if (s_computeTypes.Contains(type))
            {
                CheckImage(resource.Name, type, resource.Value, violations);
                CheckArgs(resource.Name, resource.Value, secretNames, violations);
                AzdIngressRules.Check(resource.Name, resource.Value, violations);
            }
        }

        return violations;
    }

    /// <summary>The value must be the parameter's own input; a secret input must not carry a default value.</summary>
    private static void CheckParameter(string name, JsonElement parameter, List<AzdRuleViolation> violations)
    {
        var inputs = parameter.TryGetProperty("inputs", out var inputsElement) && inputsElement.ValueKind == JsonValueKind.Object
            ? inputsElement.EnumerateObject().ToList()
            : [];
        var value = parameter.TryGetProperty("value", out var valueElement) ? valueElement.GetString() : null;
        if (!inputs.Any(input => value == $"{{{name}.inputs.{input.Name}}}"))
        {
            violations.Add(new(name, $"parameter {name} does not use inputs from its own resource. This is not supported"));
        }

        foreach (var input in inputs)
        {
            var secret = input.Value.TryGetProperty("secret", out var secretElement) && secretElement.ValueKind == JsonValueKind.True;
            if (secret && input.Value.TryGetProperty("default", out var defaultElement) && defaultElement.TryGetProperty("value", out _))
            {
                violations.Add(new(name, $"default value for secured parameter {name} is not supported"));
            }
        }
    }

    private static void CheckImage(string name, string type, JsonElement resource, List<AzdRuleViolation> violations)
    {
        var hasImage = resource.TryGetProperty("image", out _);
        var hasBuild = resource.TryGetProperty("build", out _);
        if (type is "container.v0" && !hasImage)
        {
            violations.Add(new(name, "container resource must have either an image, context or a build"));
        }

        if (type is "container.v1" && hasImage && hasBuild)
        {
            violations.Add(new(name, $"Resource '{name}' cannot have both an image and a build"));
        }
    }

    /// <summary>Arguments end up in plain text in the container app: no connection strings, secrets or secret outputs.</summary>
    private static void CheckArgs(string name, JsonElement resource, HashSet<string> secretNames, List<AzdRuleViolation> violations)
    {
        if (!resource.TryGetProperty("args", out var args) || args.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        var index = 0;
        foreach (var arg in args.EnumerateArray())
        {
            if (arg.GetString() is { } text && IsSecretBearing(text, secretNames))
            {
                violations.Add(new(name,
                    $"resource {name}: argument {index} cannot contain connection strings, secured parameters, or secret outputs. Use environment variables instead"));
            }

            index++;
        }
    }

    private static bool IsSecretBearing(string text, HashSet<string> secretNames) =>
        text.Contains(".connectionString}", StringComparison.Ordinal)
        || text.Contains(".secretOutputs.", StringComparison.Ordinal)
        || text.Contains(".secrets.", StringComparison.Ordinal)
        || PlaceholderPattern().Matches(text).Any(m => secretNames.Contains(m.Groups["resource"].Value));

    /// <summary>Secret parameters, and the annotated strings derived from them.</summary>
    private static HashSet<string> SecretValueNames(JsonElement resources)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var resource in resources.EnumerateObject())
        {
            if (resource.Value.TryGetProperty("inputs", out var inputs) && inputs.ValueKind == JsonValueKind.Object
                && inputs.EnumerateObject().Any(i => i.Value.TryGetProperty("secret", out var s) && s.ValueKind == JsonValueKind.True))
            {
                names.Add(resource.Name);
            }
        }

        foreach (var resource in resources.EnumerateObject())
        {
            if (resource.Value.TryGetProperty("type", out var type) && type.GetString() == "annotated.string"
                && resource.Value.TryGetProperty("value", out var value) && value.GetString() is { } text
                && PlaceholderPattern().Matches(text).Any(m => names.Contains(m.Groups["resource"].Value)))
            {
                names.Add(resource.Name);
            }
        }

        return names;
    }

    [GeneratedRegex(@"\{(?<resource>[^.{}]+)\.")]
    private static partial Regex PlaceholderPattern();
}
