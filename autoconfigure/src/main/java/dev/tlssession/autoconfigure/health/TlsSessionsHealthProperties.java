/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.tlssession.autoconfigure.health;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * The {@code tlsSessions} health contributor.
 *
 * @param enabled Whether to enable the tlsSessions health contributor, which reports per
 * cache the reuse ratio, handshakes and rejected offers over the last window; it stays
 * UP.
 * @param window How far back the tlsSessions health details look. More than 0.
 * @since 0.1.0
 */
@ConfigurationProperties("management.health.tlssessions")
public record TlsSessionsHealthProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5m") Duration window) {

	/**
	 * The window, refused when it is not positive. The check runs when the contributor is
	 * built rather than while binding, so that Spring Boot's analyzer of
	 * {@link InvalidConfigurationPropertyValueException} (not its generic bind failure)
	 * reports it, with the value as written and where it was set.
	 * @return the window
	 * @throws InvalidConfigurationPropertyValueException if the window is zero or
	 * negative
	 */
	public Duration requirePositiveWindow() {
		if (this.window.isZero() || this.window.isNegative()) {
			throw new InvalidConfigurationPropertyValueException("management.health.tlssessions.window", this.window,
					"the window must be more than 0, such as 5m: it is how far back the reuse ratio looks");
		}
		return this.window;
	}

}
