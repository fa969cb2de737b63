using Microsoft.EntityFrameworkCore;
using Qonys.Web.Modules.Registry.Contracts;
using Qonys.Web.Modules.Registry.Domain;

namespace Qonys.Web.Modules.Registry.Directory;

/// <summary>The registry's door to its persons (<see cref="IPersonDirectory"/>).</summary>
internal sealed class PersonDirectory(AppDb db) : IPersonDirectory
{
    public Task<PersonKeys?> KeysAsync(Guid personId, CancellationToken ct) =>
        db.Set<Person>().AsNoTracking().Where(p => p.Id == personId).Select(p => new PersonKeys(p.Iin, p.PassportNumber)).FirstOrDefaultAsync(ct);

    public async Task<IReadOnlyList<Recipient>> AccountsOfCitizenAsync(string iin, CancellationToken ct) =>
        await (from user in db.Set<AppUser>().AsNoTracking()
               join person in db.Set<Person>().AsNoTracking() on user.PersonId equals person.Id
               where person.Iin == iin
               select new Recipient(user.Id, user.Email)).ToListAsync(ct);
}
