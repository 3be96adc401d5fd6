namespace Tss.Runtime.Tables;

/// <summary>Outcome of <see cref="TableOperations.InsertIfAbsentAsync{T}"/>.</summary>
/// <param name="Entity">The stored entity: the one inserted, or the one that already existed.</param>
/// <param name="Inserted">True when this call created it.</param>
public sealed record TableInsertResult<T>(T Entity, bool Inserted)
    where T : class;
