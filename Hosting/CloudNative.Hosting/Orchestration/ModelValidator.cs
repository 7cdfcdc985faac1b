using CloudNative.Hosting.ApplicationModel;

namespace CloudNative.Hosting.Orchestration;

/// <summary>Checks the model when it is built, so mistakes surface before anything starts, each naming the resource and the fix.</summary>
internal static class ModelValidator
{
    public static void Validate(IDistributedApplicationBuilder builder)
    {
        ValidateGeneratedParameterNames(builder.Resources);
        var known = KnownResources(builder.Resources);
        foreach (var resource in builder.Resources)
        {
            ValidateRelationships(resource, known);
            ValidateReplicas(resource);
        }

        if (WaitGraph.FindCycle(builder.Resources) is { } cycle)
        {
            throw new DistributedApplicationException(
                $"WaitFor cycle: {string.Join(" → ", cycle.Select(r => r.Name))}. Each of these resources waits for the next, so none could start. Remove one of these WaitFor calls.");
        }

        if (builder.ExecutionContext.IsRunMode)
        {
            ResolveParameters(builder.Resources);
        }
    }

    private static HashSet<IResource> KnownResources(IEnumerable<IResource> model)
    {
        var known = new HashSet<IResource>(ReferenceEqualityComparer.Instance);
        foreach (var resource in model)
        {
            known.Add(resource);
            if (resource is IResourceWithGeneratedParameters owner)
            {
                known.UnionWith(owner.GeneratedParameters);
            }
        }

        return known;
    }

    /// <summary>A generated parameter shares configuration key and manifest entry with any resource of its name.</summary>
    private static void ValidateGeneratedParameterNames(IList<IResource> model)
    {
        foreach (var owner in model.OfType<IResourceWithGeneratedParameters>())
        {
            foreach (var parameter in owner.GeneratedParameters.Where(p => !model.Contains(p)))
            {
                if (model.FirstOrDefault(r => string.Equals(r.Name, parameter.Name, StringComparison.OrdinalIgnoreCase)) is { } clash)
                {
                    throw new DistributedApplicationException(
                        $"Resource '{clash.Name}' has the same name as the parameter generated for '{owner.Name}'. Choose another name, or pass your parameter to '{owner.Name}' (for example its password argument) so that it replaces the generated one.");
                }
            }
        }
    }

    private static void ValidateRelationships(IResource resource, HashSet<IResource> known)
    {
        var references = resource.Annotations.OfType<ResourceRelationshipAnnotation>().Select(r => (r.Resource, r.Type));
        if (resource is ConnectionStringResource composed)
        {
            references = references.Concat(ValueReferences.ResourcesOf(composed.ConnectionStringExpression).Select(r => (r, "ConnectionString")));
        }

        // A parameter needs no place in the model: it is read from configuration, and Aspire writes referenced
        // parameters into the manifest after the model's resources.
        foreach (var (target, type) in references.Where(r => r.Item1 is not ParameterResource))
        {
            if (!known.Contains(target))
            {
                throw new DistributedApplicationException(
                    $"Resource '{resource.Name}' refers to '{target.Name}' ({type}), which is not part of this application model. Add it with the builder's Add… method and pass the builder it returns.");
            }
        }
    }

    private static void ValidateReplicas(IResource resource)
    {
        if (resource is not ProjectResource { Replicas: > 1 } project)
        {
            return;
        }

        foreach (var endpoint in project.Annotations.OfType<EndpointAnnotation>())
        {
            if (!endpoint.IsProxied)
            {
                throw new DistributedApplicationException(
                    $"Resource '{project.Name}' uses multiple replicas and a proxy-less endpoint '{endpoint.Name}'. These features do not work together; make the endpoint proxied or use one replica.");
            }

            if (endpoint.TargetPort is not null)
            {
                throw new DistributedApplicationException(
                    $"Resource '{project.Name}' endpoint '{endpoint.Name}' sets TargetPort, but each replica must have a unique port; setting TargetPort is not allowed with replicas. Remove the target port.");
            }
        }
    }

    /// <summary>Every parameter value must be known before anything starts; missing ones throw with the key to set.</summary>
    private static void ResolveParameters(IEnumerable<IResource> model)
    {
        foreach (var parameter in KnownResources(model).OfType<ParameterResource>())
        {
            _ = parameter.Value;
        }
    }
}
