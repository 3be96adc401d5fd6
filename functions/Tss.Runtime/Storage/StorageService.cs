namespace Tss.Runtime.Storage;

/// <summary>The Azure Storage service a request went to (each is billed per transaction).</summary>
public enum StorageService
{
    Table,
    Queue,
    Blob,
}
