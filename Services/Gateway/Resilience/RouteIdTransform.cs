using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Gateway.Api.Resilience;

// YARP builds one HttpClient per cluster and hands it bare HttpRequestMessages; this tags each with the route it came
// through, so the resilience handler below YARP can apply that route's retry and breaker settings.
sealed class RouteIdTransform : ITransformProvider
{
    static readonly HttpRequestOptionsKey<string> RouteKey = new("Gateway.RouteId");

    // A request without the tag (forwarded outside YARP's routes) gets "Gateway:RouteDefaults".
    public static string RouteOf(HttpRequestMessage request) =>
        request.Options.TryGetValue(RouteKey, out var route) ? route : "";

    public void ValidateRoute(TransformRouteValidationContext context) { }

    public void ValidateCluster(TransformClusterValidationContext context) { }

    public void Apply(TransformBuilderContext context)
    {
        var routeId = context.Route.RouteId;
        context.AddRequestTransform(transform =>
        {
            transform.ProxyRequest.Options.Set(RouteKey, routeId);
            return ValueTask.CompletedTask;
        });
    }
}
