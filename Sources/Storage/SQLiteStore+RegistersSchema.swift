extension SQLiteStore {
    /// Registers (protocollo and repertori): a counter per (AOO, register, year) advanced in the same transaction
    /// as the entry, entries whose art. 53 fields can never change (triggers), annulments and assignments as
    /// append-only annotations.
    static let registersSchema = """
        CREATE TABLE registro_contatore (
            aoo TEXT NOT NULL,
            registro TEXT NOT NULL,
            anno INTEGER NOT NULL,
            ultimo INTEGER NOT NULL CHECK (ultimo >= 0),
            PRIMARY KEY (aoo, registro, anno)
        );
        CREATE TABLE registrazione (
            id INTEGER PRIMARY KEY,
            ente_id INTEGER NOT NULL REFERENCES ente(id),
            aoo TEXT NOT NULL,
            registro TEXT NOT NULL,
            anno INTEGER NOT NULL,
            numero INTEGER NOT NULL CHECK (numero >= 1),
            registrata_il TEXT NOT NULL,
            data TEXT NOT NULL,
            direzione TEXT NOT NULL,
            oggetto TEXT NOT NULL,
            mittenti TEXT NOT NULL,
            destinatari TEXT NOT NULL,
            doc_numero TEXT,
            doc_data TEXT,
            classifica TEXT,
            fascicolo TEXT,
            riservato INTEGER NOT NULL,
            allegati TEXT NOT NULL,
            pratica_id INTEGER REFERENCES pratica(id),
            user_id INTEGER NOT NULL REFERENCES user(id),
            impronta_record TEXT NOT NULL,
            UNIQUE (aoo, registro, anno, numero)
        );
        CREATE INDEX registrazione_giorno ON registrazione(aoo, registro, data);
        CREATE INDEX registrazione_pratica ON registrazione(pratica_id);
        CREATE TRIGGER registrazione_immutable_update BEFORE UPDATE ON registrazione
            BEGIN SELECT RAISE(ABORT, 'registrazione immutabile: si annulla soltanto con annotazione (art. 54 DPR 445/2000)'); END;
        CREATE TRIGGER registrazione_immutable_delete BEFORE DELETE ON registrazione
            BEGIN SELECT RAISE(ABORT, 'registrazione immutabile: si annulla soltanto con annotazione (art. 54 DPR 445/2000)'); END;
        CREATE TABLE registrazione_annullamento (
            registrazione_id INTEGER PRIMARY KEY REFERENCES registrazione(id),
            motivo TEXT NOT NULL,
            provvedimento TEXT NOT NULL,
            user_id INTEGER NOT NULL REFERENCES user(id),
            il TEXT NOT NULL
        );
        CREATE TRIGGER registrazione_annullamento_immutable_update BEFORE UPDATE ON registrazione_annullamento
            BEGIN SELECT RAISE(ABORT, 'annotazione di annullamento immutabile'); END;
        CREATE TRIGGER registrazione_annullamento_immutable_delete BEFORE DELETE ON registrazione_annullamento
            BEGIN SELECT RAISE(ABORT, 'annotazione di annullamento immutabile'); END;
        CREATE TABLE registrazione_assegnazione (
            registrazione_id INTEGER NOT NULL REFERENCES registrazione(id),
            versione INTEGER NOT NULL CHECK (versione >= 1),
            assegnatario TEXT NOT NULL,
            note TEXT,
            user_id INTEGER NOT NULL REFERENCES user(id),
            il TEXT NOT NULL,
            PRIMARY KEY (registrazione_id, versione)
        );
        CREATE TRIGGER registrazione_assegnazione_immutable_update BEFORE UPDATE ON registrazione_assegnazione
            BEGIN SELECT RAISE(ABORT, 'le versioni dell''assegnazione sono immutabili'); END;
        CREATE TRIGGER registrazione_assegnazione_immutable_delete BEFORE DELETE ON registrazione_assegnazione
            BEGIN SELECT RAISE(ABORT, 'le versioni dell''assegnazione sono immutabili'); END;
        """
}
