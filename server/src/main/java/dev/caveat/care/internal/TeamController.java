package dev.caveat.care.internal;

import dev.caveat.account.Accounts;
import dev.caveat.account.Actor;
import dev.caveat.account.CompanyAccess;
import dev.caveat.account.CompanyId;
import dev.caveat.account.CompanyMembers;
import dev.caveat.account.Permission;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A company's teams and reps. Admins set them up; reps read them, and a rep may say they are away
 * or back.
 */
@RestController
@RequestMapping("/api/v1/companies/{slug}")
class TeamController {

  record Person(UUID id, String name) {}

  record TeamRep(UUID id, String name, boolean available, int openCases, int capacity) {}

  record TeamView(long id, String name, Person lead, List<TeamRep> reps) {}

  record TeamList(List<TeamView> items) {}

  record RepView(
      UUID id,
      String name,
      List<String> teams,
      List<String> languages,
      List<String> products,
      boolean available,
      int capacity,
      int openCases) {

    static RepView of(Teams.Rep rep) {
      return new RepView(
          rep.userId(),
          rep.name(),
          rep.teams(),
          rep.languages(),
          rep.products(),
          rep.available(),
          rep.capacity(),
          rep.openCases());
    }
  }

  record RepList(List<RepView> items) {}

  record Availability(Boolean available) {}

  private final CompanyAccess access;
  private final TeamWork work;
  private final Teams teams;
  private final CompanyMembers members;

  TeamController(CompanyAccess access, TeamWork work, Teams teams, CompanyMembers members) {
    this.access = access;
    this.work = work;
    this.teams = teams;
    this.members = members;
  }

  @PostMapping("/teams")
  ResponseEntity<TeamView> create(
      Actor actor, @PathVariable String slug, @RequestBody TeamWork.TeamRequest request) {
    CompanyId company = access.require(actor, slug, Permission.ADMINISTER).id();
    Teams.Team team = work.create(company, request);
    return ResponseEntity.created(URI.create("/api/v1/companies/" + slug + "/teams/" + team.id()))
        .body(view(company, team));
  }

  @GetMapping("/teams")
  TeamList teams(Actor actor, @PathVariable String slug) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    return new TeamList(teams.all(company).stream().map(t -> view(company, t)).toList());
  }

  @GetMapping("/teams/{id}")
  TeamView team(Actor actor, @PathVariable String slug, @PathVariable long id) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    return view(company, work.team(company, id));
  }

  @PutMapping("/teams/{id}")
  TeamView update(
      Actor actor,
      @PathVariable String slug,
      @PathVariable long id,
      @RequestBody TeamWork.TeamRequest request) {
    CompanyId company = access.require(actor, slug, Permission.ADMINISTER).id();
    return view(company, work.update(company, id, request));
  }

  @DeleteMapping("/teams/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(Actor actor, @PathVariable String slug, @PathVariable long id) {
    CompanyId company = access.require(actor, slug, Permission.ADMINISTER).id();
    work.delete(company, id);
  }

  @GetMapping("/reps")
  RepList reps(Actor actor, @PathVariable String slug) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    return new RepList(teams.reps(company).stream().map(RepView::of).toList());
  }

  @GetMapping("/reps/{userId}")
  RepView rep(Actor actor, @PathVariable String slug, @PathVariable UUID userId) {
    CompanyId company = access.require(actor, slug, Permission.READ).id();
    return RepView.of(work.rep(company, userId));
  }

  @PutMapping("/reps/{userId}")
  ResponseEntity<RepView> saveRep(
      Actor actor,
      @PathVariable String slug,
      @PathVariable UUID userId,
      @RequestBody TeamWork.RepRequest request) {
    CompanyId company = access.require(actor, slug, Permission.ADMINISTER).id();
    boolean created = work.saveRep(company, userId, request);
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
        .body(RepView.of(work.rep(company, userId)));
  }

  /** A rep says they are away or back; an admin may say it for anyone. */
  @PutMapping("/reps/{userId}/availability")
  RepView availability(
      Actor actor,
      @PathVariable String slug,
      @PathVariable UUID userId,
      @RequestBody Availability request) {
    Permission needed = actor.id().equals(userId) ? Permission.READ : Permission.ADMINISTER;
    CompanyId company = access.require(actor, slug, needed).id();
    return RepView.of(work.setAvailable(company, userId, request.available()));
  }

  @DeleteMapping("/reps/{userId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void deleteRep(Actor actor, @PathVariable String slug, @PathVariable UUID userId) {
    CompanyId company = access.require(actor, slug, Permission.ADMINISTER).id();
    work.deleteRep(company, userId, actor.name());
  }

  private TeamView view(CompanyId company, Teams.Team team) {
    Person lead =
        team.lead() == null
            ? null
            : members
                .find(company, team.lead())
                .map(Accounts.Member::name)
                .map(name -> new Person(team.lead(), name))
                .orElse(new Person(team.lead(), null));
    return new TeamView(
        team.id(),
        team.name(),
        lead,
        teams.repsOf(company, team.id()).stream()
            .map(r -> new TeamRep(r.userId(), r.name(), r.available(), r.openCases(), r.capacity()))
            .toList());
  }
}
