using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>The Kafka UI container (a container only: it has no local-process equivalent).</summary>
public class KafkaUIContainerResource(string name) : ContainerResource(name);
