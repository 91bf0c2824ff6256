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

/**
 * Named, bounded, observable TLS client session caches for Netty and Reactor Netty.
 * <p>
 * The types in this package are the public API and have no Spring dependency:
 * {@link dev.tlssession.TlsSessionCaches} (the registry),
 * {@link dev.tlssession.TlsSessionCache} (one cache), {@link dev.tlssession.TlsSession}
 * (a session view without secrets) and the {@link dev.tlssession.TlsSessionStore} SPI.
 */
@NullMarked
package dev.tlssession;

import org.jspecify.annotations.NullMarked;
