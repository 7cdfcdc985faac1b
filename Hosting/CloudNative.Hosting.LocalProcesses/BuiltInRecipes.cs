using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using CloudNative.Hosting.LocalProcesses.Postgres;
using CloudNative.Hosting.LocalProcesses.Redis;

namespace CloudNative.Hosting.LocalProcesses;

/// <summary>Aspire's own Postgres and Redis resources get their recipe without a line in the AppHost.</summary>
internal static class BuiltInRecipes
{
    public static void Annotate(DistributedApplicationModel model)
    {
        foreach (var resource in model.Resources.Where(r => !r.TryGetLastAnnotation<LocalProcessAnnotation>(out _)))
        {
            ILocalProcessRecipe? recipe = resource switch
            {
                PostgresServerResource postgres => new PostgresLocalProcess(postgres),
                RedisResource redis => new RedisLocalProcess(redis),
                _ => null,
            };
            if (recipe is not null)
            {
                resource.Annotations.Add(new LocalProcessAnnotation(recipe));
            }
        }
    }
}
