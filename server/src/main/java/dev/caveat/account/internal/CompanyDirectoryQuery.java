package dev.caveat.account.internal;

import dev.caveat.account.Company;
import dev.caveat.account.CompanyDirectory;
import dev.caveat.account.CompanyId;
import java.util.Optional;
import org.springframework.stereotype.Service;

@Service
class CompanyDirectoryQuery implements CompanyDirectory {

  private final Companies companies;

  CompanyDirectoryQuery(Companies companies) {
    this.companies = companies;
  }

  @Override
  public Optional<Company> find(CompanyId id) {
    return companies.findById(id);
  }

  @Override
  public Optional<Company> findBySlug(String slug) {
    return companies.findBySlug(slug);
  }
}
