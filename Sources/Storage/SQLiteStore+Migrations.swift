import GRDB

extension SQLiteStore {
    /// Versioned, append-only migrations. Never edit a shipped migration: add a new one.
    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        m.registerMigration("v1-anagrafica-pratiche-audit") { db in
            try db.execute(sql: """
                CREATE TABLE ente (
                    id INTEGER PRIMARY KEY,
                    code TEXT NOT NULL UNIQUE,
                    name TEXT NOT NULL,
                    aoo_code TEXT NOT NULL,
                    created_at DATETIME NOT NULL
                );
                CREATE TABLE user (
                    id INTEGER PRIMARY KEY,
                    ente_id INTEGER NOT NULL REFERENCES ente(id),
                    username TEXT NOT NULL UNIQUE,
                    display_name TEXT NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('sportello','assistente_sociale','dirigente','protocollo','amministratore')),
                    password_hash TEXT NOT NULL,
                    active INTEGER NOT NULL DEFAULT 1,
                    created_at DATETIME NOT NULL
                );
                CREATE TABLE session (
                    token_hash TEXT PRIMARY KEY,
                    user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
                    csrf_token TEXT NOT NULL,
                    created_at DATETIME NOT NULL,
                    expires_at DATETIME NOT NULL
                );
                CREATE INDEX session_expiry ON session(expires_at);
                CREATE TABLE api_token (
                    token_hash TEXT PRIMARY KEY,
                    user_id INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,
                    name TEXT NOT NULL,
                    created_at DATETIME NOT NULL,
                    revoked_at DATETIME
                );
                CREATE TABLE persona (
                    id INTEGER PRIMARY KEY,
                    ente_id INTEGER NOT NULL REFERENCES ente(id),
                    codice_fiscale TEXT NOT NULL CHECK (length(codice_fiscale) = 16),
                    cognome TEXT NOT NULL,
                    nome TEXT NOT NULL,
                    sesso TEXT NOT NULL CHECK (sesso IN ('M','F')),
                    data_nascita TEXT NOT NULL,
                    luogo_nascita TEXT NOT NULL,
                    res_indirizzo TEXT, res_comune TEXT, res_provincia TEXT, res_cap TEXT,
                    telefono TEXT, email TEXT, pec TEXT,
                    created_at DATETIME NOT NULL,
                    created_by INTEGER NOT NULL REFERENCES user(id),
                    UNIQUE (ente_id, codice_fiscale)
                );
                CREATE INDEX persona_cognome ON persona(ente_id, cognome, nome);
                CREATE TABLE nucleo (
                    id INTEGER PRIMARY KEY,
                    ente_id INTEGER NOT NULL REFERENCES ente(id),
                    created_at DATETIME NOT NULL
                );
                CREATE TABLE nucleo_membro (
                    nucleo_id INTEGER NOT NULL REFERENCES nucleo(id),
                    persona_id INTEGER NOT NULL UNIQUE REFERENCES persona(id),
                    relazione TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    PRIMARY KEY (nucleo_id, persona_id)
                );
                CREATE TABLE legame_rete (
                    id INTEGER PRIMARY KEY,
                    ente_id INTEGER NOT NULL REFERENCES ente(id),
                    persona_id INTEGER NOT NULL REFERENCES persona(id),
                    tipo TEXT NOT NULL,
                    altra_persona_id INTEGER REFERENCES persona(id),
                    descrizione TEXT,
                    note TEXT,
                    created_at DATETIME NOT NULL,
                    CHECK (altra_persona_id IS NOT NULL OR descrizione IS NOT NULL)
                );
                CREATE TABLE contatore (
                    ente_id INTEGER NOT NULL REFERENCES ente(id),
                    nome TEXT NOT NULL,
                    anno INTEGER NOT NULL,
                    valore INTEGER NOT NULL,
                    PRIMARY KEY (ente_id, nome, anno)
                );
                CREATE TABLE pratica (
                    id INTEGER PRIMARY KEY,
                    ente_id INTEGER NOT NULL REFERENCES ente(id),
                    numero TEXT NOT NULL,
                    persona_id INTEGER NOT NULL REFERENCES persona(id),
                    richiedente_id INTEGER REFERENCES persona(id),
                    tipo TEXT NOT NULL,
                    oggetto TEXT NOT NULL,
                    stato TEXT NOT NULL,
                    created_at DATETIME NOT NULL,
                    created_by INTEGER NOT NULL REFERENCES user(id),
                    UNIQUE (ente_id, numero)
                );
                CREATE INDEX pratica_stato ON pratica(ente_id, stato);
                CREATE INDEX pratica_persona ON pratica(persona_id);
                CREATE TABLE documento (
                    id INTEGER PRIMARY KEY,
                    ente_id INTEGER NOT NULL REFERENCES ente(id),
                    pratica_id INTEGER NOT NULL REFERENCES pratica(id),
                    nome TEXT NOT NULL,
                    mime_type TEXT NOT NULL,
                    dimensione INTEGER NOT NULL CHECK (dimensione >= 0),
                    impronta TEXT NOT NULL CHECK (length(impronta) = 64),
                    added_by INTEGER NOT NULL REFERENCES user(id),
                    added_at DATETIME NOT NULL
                );
                CREATE INDEX documento_pratica ON documento(pratica_id);
                CREATE TRIGGER documento_immutable_update BEFORE UPDATE ON documento
                    BEGIN SELECT RAISE(ABORT, 'i documenti sono immutabili'); END;
                CREATE TRIGGER documento_immutable_delete BEFORE DELETE ON documento
                    BEGIN SELECT RAISE(ABORT, 'i documenti sono immutabili'); END;
                CREATE TABLE audit_entry (
                    seq INTEGER PRIMARY KEY,
                    at TEXT NOT NULL,
                    ente_id INTEGER,
                    user_id INTEGER,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    object_type TEXT NOT NULL,
                    object_id TEXT NOT NULL,
                    detail TEXT NOT NULL,
                    prev_hash TEXT NOT NULL,
                    hash TEXT NOT NULL
                );
                CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit_entry
                    BEGIN SELECT RAISE(ABORT, 'il registro di audit non si modifica'); END;
                CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit_entry
                    BEGIN SELECT RAISE(ABORT, 'il registro di audit non si cancella'); END;
                CREATE TABLE audit_head (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    seq INTEGER NOT NULL,
                    hash TEXT NOT NULL
                );
                """)
        }
        m.registerMigration("v2-procedimento") { db in
            try db.execute(sql: """
                ALTER TABLE pratica ADD COLUMN rdp_user_id INTEGER REFERENCES user(id);
                UPDATE pratica SET stato = CASE stato
                    WHEN 'in_istruttoria' THEN 'avviata' WHEN 'sospesa' THEN 'sospesa_integrazione'
                    WHEN 'accolta' THEN 'decisa_accolta' WHEN 'respinta' THEN 'decisa_respinta'
                    WHEN 'archiviata' THEN 'archiviata_rinuncia' ELSE stato END;
                CREATE TABLE procedura_evento (
                    pratica_id INTEGER NOT NULL REFERENCES pratica(id),
                    seq INTEGER NOT NULL CHECK (seq >= 1),
                    tipo TEXT NOT NULL,
                    giorno TEXT NOT NULL,
                    at DATETIME NOT NULL,
                    user_id INTEGER NOT NULL REFERENCES user(id),
                    evento TEXT NOT NULL,
                    determina TEXT,
                    PRIMARY KEY (pratica_id, seq)
                );
                CREATE TRIGGER procedura_evento_immutable_update BEFORE UPDATE ON procedura_evento
                    BEGIN SELECT RAISE(ABORT, 'gli eventi del procedimento sono immutabili'); END;
                CREATE TRIGGER procedura_evento_immutable_delete BEFORE DELETE ON procedura_evento
                    BEGIN SELECT RAISE(ABORT, 'gli eventi del procedimento sono immutabili'); END;
                CREATE TABLE ente_funzione (
                    ente_id INTEGER NOT NULL REFERENCES ente(id),
                    funzione TEXT NOT NULL,
                    user_id INTEGER NOT NULL REFERENCES user(id),
                    PRIMARY KEY (ente_id, funzione, user_id)
                );
                CREATE TABLE avviso_scadenza (
                    ente_id INTEGER NOT NULL REFERENCES ente(id),
                    pratica_id INTEGER NOT NULL REFERENCES pratica(id),
                    tipo TEXT NOT NULL,
                    scadenza TEXT,
                    giorni_rimanenti INTEGER,
                    messaggio TEXT NOT NULL,
                    calcolato_il DATETIME NOT NULL
                );
                CREATE INDEX avviso_scadenza_ente ON avviso_scadenza(ente_id);
                """)
        }
        m.registerMigration("v3-indice-accessi") { db in
            try db.execute(sql: "CREATE INDEX audit_entry_action ON audit_entry(action, object_id, at)")
        }
        m.registerMigration("v4-registri") { db in
            try db.execute(sql: Self.registersSchema)
        }
        return m
    }
}
