using System.Globalization;
using System.Text.Json;

namespace CloudNative.Hosting.Publishing;

/// <summary>
/// How azd turns a resource's bindings into Container Apps ingress (<c>aca_ingress.go</c>): bindings are grouped by
/// target port; at most one group may be external, and only an HTTP(S) one; a tcp binding needs a target port.
/// </summary>
internal static class AzdIngressRules
{
    private sealed record Binding(string Name, int Order, string Scheme, int? TargetPort, int? Port, bool External);

    public static void Check(string resource, JsonElement value, List<AzdRuleViolation> violations)
    {
        if (!value.TryGetProperty("bindings", out var bindingsElement) || bindingsElement.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var bindings = bindingsElement.EnumerateObject().Select((b, i) => new Binding(
            b.Name,
            i,
            b.Value.TryGetProperty("scheme", out var scheme) ? scheme.GetString() ?? string.Empty : string.Empty,
            b.Value.TryGetProperty("targetPort", out var target) ? target.GetInt32() : null,
            b.Value.TryGetProperty("port", out var port) ? port.GetInt32() : null,
            b.Value.TryGetProperty("external", out var external) && external.ValueKind == JsonValueKind.True)).ToList();

        var prefix = $"configuring ingress for resource {resource}: ";
        foreach (var binding in bindings)
        {
            if (binding.Scheme == "tcp" && binding.TargetPort is null)
            {
                violations.Add(new(resource, $"{prefix}binding \"{binding.Name}\" has scheme \"tcp\" but no container port"));
                return;
            }

            if (binding.Scheme is not ("tcp" or "http" or "https"))
            {
                violations.Add(new(resource, $"{prefix}binding \"{binding.Name}\" has invalid scheme \"{binding.Scheme}\""));
                return;
            }
        }

        var groups = bindings
            .GroupBy(b => b.TargetPort?.ToString(CultureInfo.InvariantCulture) ?? "default")
            .Select(g => (Bindings: g.ToList(), External: g.Any(b => b.External), HttpOnly: g.All(b => b.Scheme is "http" or "https")))
            .ToList();
        if (groups.Any(g => g.External && !g.HttpOnly))
        {
            violations.Add(new(resource, $"{prefix}External non-HTTP(s) endpoints are not supported"));
            return;
        }

        if (groups.Count(g => g.External) > 1)
        {
            violations.Add(new(resource, $"{prefix}Multiple external endpoints are not supported"));
            return;
        }

        CheckMainIngressPorts(resource, prefix, groups, violations);
    }

    /// <summary>
    /// The main HTTP ingress listens on 80 and 443 only. azd fails on this when it generates the Container App, after
    /// loading the manifest; it is reported as a warning here.
    /// </summary>
    private static void CheckMainIngressPorts(string resource, string prefix, List<(List<Binding> Bindings, bool External, bool HttpOnly)> groups, List<AzdRuleViolation> violations)
    {
        var httpGroups = groups.Where(g => g.HttpOnly).ToList();
        var externalHttp = httpGroups.Where(g => g.External).ToList();
        var ingress = httpGroups.Count == 1 ? httpGroups[0]
            : externalHttp.Count == 1 ? externalHttp[0]
            : httpGroups.OrderBy(g => g.Bindings.Min(b => b.Order)).FirstOrDefault();
        if (ingress.Bindings is null)
        {
            return;
        }

        foreach (var binding in ingress.Bindings)
        {
            var (scheme, allowed) = binding.Scheme == "https" ? ("https", 443) : ("http", 80);
            if (binding.Port is { } port && port != allowed)
            {
                violations.Add(new(resource,
                    $"{prefix}Binding {binding.Name} can't be mapped to main ingress because it has port {port.ToString(CultureInfo.InvariantCulture)} defined. main ingress only supports port {allowed.ToString(CultureInfo.InvariantCulture)} for {scheme} scheme."));
            }
        }
    }
}
