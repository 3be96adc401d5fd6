namespace Tss.Runtime.Storage;

/// <summary>One kind of storage transaction: the service and the REST operation (e.g. Queue/SendMessage).</summary>
public readonly record struct StorageOperation(StorageService Service, string Name)
{
    public override string ToString() => $"{Service}/{Name}";
}
