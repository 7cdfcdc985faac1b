using System.Diagnostics;
using Confluent.Kafka;

namespace CloudNative.ServiceDefaults.Kafka;

// Wraps the real producer so that every message carries trace context and gets a Producer span and metrics, as far
// as the settings leave them on. Everything else passes straight through.
internal sealed class TracingProducer<TKey, TValue>(IProducer<TKey, TValue> inner, bool deliveryReportsEnabled, KafkaInstrumentation instrumentation)
    : IProducer<TKey, TValue>
{
    public Handle Handle => inner.Handle;

    public string Name => inner.Name;

    public Task<DeliveryResult<TKey, TValue>> ProduceAsync(string topic, Message<TKey, TValue> message, CancellationToken cancellationToken = default) =>
        ProduceAsync(new TopicPartition(topic, Partition.Any), message, cancellationToken);

    public async Task<DeliveryResult<TKey, TValue>> ProduceAsync(TopicPartition topicPartition, Message<TKey, TValue> message, CancellationToken cancellationToken = default)
    {
        var send = KafkaSendOperation.Start(topicPartition, message, instrumentation);
        try
        {
            var result = await inner.ProduceAsync(topicPartition, message, cancellationToken).ConfigureAwait(false);
            send.Delivered(result.TopicPartitionOffset);
            return result;
        }
        catch (Exception exception)
        {
            send.Failed(exception);
            throw;
        }
    }

    public void Produce(string topic, Message<TKey, TValue> message, Action<DeliveryReport<TKey, TValue>>? deliveryHandler = null) =>
        Produce(new TopicPartition(topic, Partition.Any), message, deliveryHandler);

    public void Produce(TopicPartition topicPartition, Message<TKey, TValue> message, Action<DeliveryReport<TKey, TValue>>? deliveryHandler = null)
    {
        var caller = Activity.Current;
        var send = KafkaSendOperation.Start(topicPartition, message, instrumentation);
        try
        {
            if (deliveryReportsEnabled)
            {
                inner.Produce(topicPartition, message, report => CompleteOnPollThread(send, report, deliveryHandler));
            }
            else
            {
                inner.Produce(topicPartition, message, deliveryHandler);
                send.Enqueued();
            }
        }
        catch (Exception exception)
        {
            send.Failed(exception);
            throw;
        }
        finally
        {
            // The span lives on until the delivery report; the caller's next statements belong to the caller's span.
            Activity.Current = caller;
        }
    }

    private static void CompleteOnPollThread(KafkaSendOperation send, DeliveryReport<TKey, TValue> report, Action<DeliveryReport<TKey, TValue>>? deliveryHandler)
    {
        // Stopping a span makes its parent current. On librdkafka's poll thread that parent would then leak into
        // every later delivery report, so keep whatever was current there.
        var pollThreadActivity = Activity.Current;
        if (report.Error.IsError)
        {
            send.Failed(report.Error);
        }
        else
        {
            send.Delivered(report.TopicPartitionOffset);
        }
        Activity.Current = pollThreadActivity;

        deliveryHandler?.Invoke(report);
    }

    public int Poll(TimeSpan timeout) => inner.Poll(timeout);

    public int Flush(TimeSpan timeout) => inner.Flush(timeout);

    public void Flush(CancellationToken cancellationToken = default) => inner.Flush(cancellationToken);

    public void InitTransactions(TimeSpan timeout) => inner.InitTransactions(timeout);

    public void BeginTransaction() => inner.BeginTransaction();

    public void CommitTransaction(TimeSpan timeout) => inner.CommitTransaction(timeout);

    public void CommitTransaction() => inner.CommitTransaction();

    public void AbortTransaction(TimeSpan timeout) => inner.AbortTransaction(timeout);

    public void AbortTransaction() => inner.AbortTransaction();

    public void SendOffsetsToTransaction(IEnumerable<TopicPartitionOffset> offsets, IConsumerGroupMetadata groupMetadata, TimeSpan timeout) =>
        inner.SendOffsetsToTransaction(offsets, groupMetadata, timeout);

    public int AddBrokers(string brokers) => inner.AddBrokers(brokers);

    public void SetSaslCredentials(string username, string password) => inner.SetSaslCredentials(username, password);

    public void Dispose() => inner.Dispose();
}
