using Azure.Core;
using Azure.Core.Pipeline;

namespace Tss.Runtime.Storage.Internal;

/// <summary>Records each attempt of a request in the shared <see cref="StorageTransactionCounter"/>.</summary>
internal sealed class StorageTransactionCountingPolicy(StorageTransactionCounter counter, StorageService service, string basePath)
    : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message) =>
        counter.Record(service, StorageOperationClassifier.Classify(service, basePath, message.Request));
}
