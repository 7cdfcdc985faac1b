using Microsoft.Extensions.Configuration;

namespace CloudNative.Hosting;

/// <summary>Aspire's rule: no operation and no publisher means Run; a publisher alone means Publish.</summary>
internal static class ExecutionModeResolver
{
    public static DistributedApplicationOperation Resolve(IConfiguration configuration)
    {
        var operation = configuration["AppHost:Operation"];
        if (string.IsNullOrEmpty(operation))
        {
            return string.IsNullOrEmpty(configuration["Publishing:Publisher"])
                ? DistributedApplicationOperation.Run
                : DistributedApplicationOperation.Publish;
        }

        return operation.ToLowerInvariant() switch
        {
            "run" => DistributedApplicationOperation.Run,
            "publish" => DistributedApplicationOperation.Publish,
            _ => throw new DistributedApplicationException("Invalid operation specified. Valid operations are 'publish' or 'run'."),
        };
    }
}
