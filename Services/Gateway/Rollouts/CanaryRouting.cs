using Gateway.Api.Http;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace Gateway.Api.Rollouts;

static class CanaryRouting
{
    public const string ServedByHeader = "X-Served-By";

    // In the proxy pipeline, before load balancing: a request to a rollout's stable cluster goes to the canary cluster
    // instead when its client's sticky bucket is below the canary's weight. The answer names the cluster that served it.
    public static IReverseProxyApplicationBuilder UseCanaryRouting(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            var clusterId = context.GetReverseProxyFeature().Cluster.Config.ClusterId;
            if (context.RequestServices.GetRequiredService<RolloutStates>().Find(clusterId) is not { } rollout)
            {
                await next();
                return;
            }

            var servedBy = clusterId;
            if (rollout.Weight > 0 &&
                StickyBucket.Of(rollout.Name, RequestClient.Of(context).Id) < rollout.Weight &&
                context.RequestServices.GetRequiredService<IProxyStateLookup>().TryGetCluster(rollout.Canary, out var canary))
            {
                context.ReassignProxyRequest(canary);
                servedBy = rollout.Canary;
            }

            // On starting: YARP copies the backend's headers in later.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[ServedByHeader] = servedBy;
                return Task.CompletedTask;
            });
            await next();
        });

        return proxy;
    }
}
