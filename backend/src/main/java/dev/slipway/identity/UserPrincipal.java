package dev.slipway.identity;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in user, however they signed in (dashboard session, API token, git). */
public final class UserPrincipal implements UserDetails, CredentialsContainer {

	private final long id;

	private final String email;

	private final boolean admin;

	private String passwordHash;

	UserPrincipal(long id, String email, boolean admin, String passwordHash) {
		this.id = id;
		this.email = email;
		this.admin = admin;
		this.passwordHash = passwordHash;
	}

	public long id() {
		return id;
	}

	public String email() {
		return email;
	}

	public boolean admin() {
		return admin;
	}

	/** Whether this user may manage what {@code ownerId} owns: their own things, or anything for an admin. */
	public boolean mayManage(long ownerId) {
		return admin || id == ownerId;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return admin ? List.of(new SimpleGrantedAuthority("ROLE_USER"), new SimpleGrantedAuthority("ROLE_ADMIN"))
				: List.of(new SimpleGrantedAuthority("ROLE_USER"));
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return email;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof UserPrincipal that && that.id == id;
	}

	@Override
	public int hashCode() {
		return Long.hashCode(id);
	}

	@Override
	public String toString() {
		return email;
	}

}
