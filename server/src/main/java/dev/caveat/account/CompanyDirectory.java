package dev.caveat.account;

import java.util.Optional;

/**
 * Companies by id, for work that is not a request: an event names its company by id only. Requests
 * go through {@link CompanyAccess}, which checks who asks.
 */
public interface CompanyDirectory {

  Optional<Company> find(CompanyId id);

  Optional<Company> findBySlug(String slug);
}
