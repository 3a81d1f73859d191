package dev.caveat.care.internal;

import dev.caveat.account.Actor;
import dev.caveat.account.Company;
import dev.caveat.account.CompanyAccess;
import dev.caveat.account.Permission;
import dev.caveat.platform.ApiException;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the care settings pages share: reps read them, leads and admins (who may administer the
 * company) also see the forms and may post them. A rep's post is refused with 403 whatever the page
 * showed.
 */
@Component
class SettingsPages {

  private final CompanyAccess access;

  SettingsPages(CompanyAccess access) {
    this.access = access;
  }

  /** The company, for someone reading its settings; fills what the page frame needs. */
  Company read(Actor actor, String slug, String section, Model model) {
    Company company = access.require(actor, slug, Permission.READ);
    model.addAttribute("actor", actor);
    model.addAttribute("company", company);
    model.addAttribute("section", section);
    model.addAttribute("canEdit", mayEdit(actor, slug));
    return company;
  }

  /** The company, for someone changing its settings; 403 for a rep. */
  Company edit(Actor actor, String slug) {
    return access.require(actor, slug, Permission.ADMINISTER);
  }

  /** Whether the request came from htmx, which wants a part of the page back. */
  static boolean htmx(String header) {
    return "true".equals(header);
  }

  /** Whether a refusal is the user's to fix: a bad value or a name taken, not a server fault. */
  static boolean userCanFix(ApiException e) {
    return e.status() == HttpStatus.BAD_REQUEST || e.status() == HttpStatus.CONFLICT;
  }

  /**
   * An API message made to read as a sentence on a page: "language must be..." to "Language...".
   */
  static String sentence(String message) {
    return message.isEmpty()
        ? message
        : message.substring(0, 1).toUpperCase(Locale.ROOT) + message.substring(1);
  }

  private boolean mayEdit(Actor actor, String slug) {
    try {
      access.require(actor, slug, Permission.ADMINISTER);
      return true;
    } catch (ApiException e) {
      if (e.status() == HttpStatus.FORBIDDEN) {
        return false;
      }
      throw e;
    }
  }
}
