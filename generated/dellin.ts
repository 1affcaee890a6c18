// Generated from specs/dellin.yaml by `npm run generate`. Do not edit by hand.

export interface paths {
    "/v2/request_delivery.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add delivery to the receiver's address (JSON)
         * @description Orders delivery of the cargo from the Dellin terminal to the receiver's address for an **existing** order
         *     (`docID`, the number of the order or waybill). The order must be in one of these states: cargo accepted for
         *     carriage (with or without paid storage), in transit, arrived at the terminal (with or without paid storage),
         *     arrived at the airport (with or without paid storage) — `received`, `received_warehousing`, `inway`,
         *     `arrived`, `warehousing`, `arrived_to_airport`, `airport_warehousing`.
         *
         *     Open to both authorized and anonymous users. With a `sessionID` (from `login`) the request may use ids from
         *     the address book instead of inline data; each pair is mutually exclusive and exactly one member of it is
         *     required: `addressID` | `address`, `counteragentID` | `counteragent` (third party), `contactIDs` |
         *     `contactPersons`, `phoneIDs` | `phoneNumbers`. Without a `sessionID` the inline forms are required
         *     (`address`, `counteragent`, `phoneNumbers`) and at most one contact person and one phone number are accepted.
         *
         *     When `delivery.arrival.payer` is `third`, `members.third` and one of `payment.paymentCity` |
         *     `payment.paymentCitySearch` are required. Take `produceDate` from `deliveryDates`.
         *
         *     The answer carries the number of the new delivery request (`data.requestID`), informational messages (for
         *     example, a promo code that could not be applied) and, when `search` strings were sent, the addresses Dellin
         *     matched them to.
         *
         *     **Local mock** (its choices): request numbers count up from `4000001` per session, shared with the XML
         *     twin; a `sessionID` that is not open, or was opened with another `appkey`, gets the `401` `100002` (the
         *     seed is silent on sessions and appkeys: binding a session to the appkey that opened it is the mock's choice).
         */
        post: operations["requestDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/request_delivery.xml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add delivery to the receiver's address (XML)
         * @description XML twin of `requestDelivery`: the same request data under a `<request>` root, the same answer under a
         *     `<response>` root. Arrays are repeated sibling elements (`<requirements>`, `<contactIDs>`,
         *     `<contactPersons>`, `<phoneIDs>`, `<phoneNumbers>`); a single element still means a one-item array.
         *     The schemas are shared with `requestDelivery` — see there for the rules.
         */
        post: operations["requestDeliveryXml"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/request_delivery/address/dates.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Dates available for delivery to the address (JSON)
         * @description «Подбор даты доставки»: returns the dates on which delivery from the terminal to the receiver's address can
         *     be ordered for the order `docID` with `requestDelivery` (use one of them as `delivery.arrival.produceDate`).
         *     **Authorized users only** — `sessionID` is required.
         *
         *     `delivery.arrival` describes the address (`addressID` from the address book, `address`, or only the KLADR
         *     code of the `city`) and the conditions of the delivery (`time.exactTime`, `handling`, `requirements`) that
         *     influence the available dates; the public SDK allows an empty `arrival`. Which of these fields are required
         *     is unconfirmed. `data.foundAddresses` is present only when `address.search` was sent.
         */
        post: operations["deliveryDates"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/request_delivery/address/dates.xml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Dates available for delivery to the address (XML)
         * @description XML twin of `deliveryDates` (`<request>` / `<response>` roots; `<requirements>` and `<dates>` are repeated
         *     elements). The schemas are shared with `deliveryDates`. The `.xml` path follows the general rule that every
         *     Dellin method has both forms.
         */
        post: operations["deliveryDatesXml"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/auth/login.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in and open a session (JSON)
         * @description «Авторизация пользователя»: opens a session for the user of the Dellin personal account and returns its id
         *     in `data.sessionID`. Send that id as `sessionID` in the body of later requests; close it with `logout`.
         *     `login` is the account's e-mail or phone number (`+7XXXXXXXXXX`).
         *
         *     **Local mock** (its choices): any credentials open a session, a new UUID valid for 24 hours, usable only with
         *     the `appkey` that opened it (the seed is silent; another appkey gets the `401` `100002`).
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/auth/login.xml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in and open a session (XML)
         * @description XML twin of `login` (`<request>` / `<response>` roots); the schemas are shared with `login`.
         */
        post: operations["loginXml"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/auth/logout.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close the session (JSON)
         * @description Closes the session `sessionID` («закрыть текущую сессию»). The path and body `{appkey, sessionID}` come from
         *     public client code, which only checks for HTTP `200`; the answer body is unconfirmed (modelled as
         *     `{metadata, data?}` with any `data`).
         *
         *     **Local mock** (its choice): the session is closed; any later body naming it (this one too) gets the `401`
         *     `100002`.
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/auth/logout.xml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close the session (XML)
         * @description XML twin of `logout` (`<request>` / `<response>` roots); the schemas are shared with `logout`. The `.xml`
         *     path follows the general rule that every Dellin method has both forms (unconfirmed for this method).
         */
        post: operations["logoutXml"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/auth/session_info.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Read the session's expiry (JSON)
         * @description «Получить данные текущей сессии»: tells whether the session `sessionID` has expired and when it expires.
         *     The path, the body `{appkey, sessionID}` and the fields `data.session.expireTime` / `data.session.expired`
         *     come from the public SDK; their exact types are unconfirmed.
         *
         *     **Local mock** (its choice): an open session answers `expired: false` with its `expireTime` (24 hours after
         *     `login`); an unknown, closed or expired one, or one opened with another `appkey` (the mock binds a session to
         *     the appkey that opened it; the seed is silent), gets the `401` `100002`, never `expired: true`.
         */
        post: operations["sessionInfo"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/auth/session_info.xml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Read the session's expiry (XML)
         * @description XML twin of `sessionInfo` (`<request>` / `<response>` roots); the schemas are shared with `sessionInfo`.
         *     The `.xml` path follows the general rule that every Dellin method has both forms (unconfirmed for this
         *     method).
         */
        post: operations["sessionInfoXml"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * @description Application key («ключ приложения»), issued when the application is registered on dev.dellin.ru. In
         *     practice a GUID such as `A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D`; no format is enforced here because the
         *     reference's own examples use the placeholder `111`.
         * @example 00000000-0000-0000-0000-000000000000
         */
        AppKey: string;
        /**
         * Format: uuid
         * @description Id of a user session (a GUID), returned by `login` in `data.sessionID`.
         * @example 00000000-0000-0000-0000-000000000000
         */
        SessionID: string;
        /**
         * @description Number of the existing order or waybill («номер заказа или накладной»).
         * @example 2000000000000
         */
        DocID: string;
        /**
         * @description KLADR code (25 digits) of a street or a settlement; see the KLADR search methods of the Dellin API.
         * @example 7800000000004380000000000
         */
        KladrCode: string;
        /**
         * @description UID of an entry of a Dellin directory (`0x` and 32 hexadecimal digits).
         * @example 0x9951e0ff97188f6b4b1b153dfde3cfec
         */
        DirectoryUID: string;
        /**
         * Format: date
         * @description Calendar date, `YYYY-MM-DD`.
         * @example 2020-11-30
         */
        Date: string;
        /**
         * @description Time of day, `HH:MM` (24-hour clock).
         * @example 09:00
         */
        TimeOfDay: string;
        /**
         * @description Date and time, `YYYY-MM-DD HH:MM:SS` (Moscow time is assumed; unconfirmed).
         * @example 2020-11-03 12:37:28
         */
        DateTimeString: string;
        /**
         * Format: email
         * @description E-mail address.
         * @example test@mail.ru
         */
        Email: string;
        /**
         * @description Who pays: `sender` (отправитель), `receiver` (получатель) or `third` (третье лицо — then `members.third` is
         *     required).
         * @example third
         * @enum {string}
         */
        Payer: "sender" | "receiver" | "third";
        /**
         * @description Payment method — `cash` (cash or card) or `noncash` (bank transfer; the invoice goes to `payment.email`).
         * @example cash
         * @enum {string}
         */
        PaymentType: "cash" | "noncash";
        /**
         * @description Type of an identity document: `passport`, `drivingLicence` or `foreignPassport` (not allowed for some
         *     countries).
         * @example passport
         * @enum {string}
         */
        DocumentType: "passport" | "drivingLicence" | "foreignPassport";
        /**
         * @description The raw XML document of an `.xml` operation (root `<request>` or `<response>`), as sent on the wire. Its
         *     content is the shared object schema of the operation: child elements carry the properties, arrays are
         *     repeated elements.
         * @example <response><metadata><status>200</status></metadata><data/></response>
         */
        XmlDocument: string;
        /**
         * @description Body of `requestDelivery` (and, under `<request>`, of `requestDeliveryXml`) — class `Request` of the
         *     reference: an **authorized** request (with `sessionID`) or an **anonymous** one (without). The seed's rules
         *     differ between the two, so each has its own schema, and the client's types follow the one its session
         *     decides:
         *
         *     | Rule (seed) | Authorized (`sessionID`) | Anonymous |
         *     |---|---|---|
         *     | `delivery.arrival`: `addressID` / `address` | exactly one of the two | `address` required; `addressID` ignored (accepted) |
         *     | each member: `contactIDs` / `contactPersons` | exactly one of the two; persons ≤ 3 | `contactIDs` ignored (accepted); persons ≤ 1 |
         *     | each member: `phoneIDs` / `phoneNumbers` | exactly one of the two; numbers ≤ 3 | `phoneNumbers` required, ≤ 1; `phoneIDs` ignored (accepted) |
         *     | `members.third`: `counteragentID` / `counteragent` | exactly one of the two | `counteragent` required; `counteragentID` ignored (accepted) |
         *
         *     In both: `delivery.arrival.payer` = `third` ⇒ `members.third` is required and so is exactly one of
         *     `payment.paymentCity` | `payment.paymentCitySearch`; with another payer those two are ignored (accepted,
         *     even both). The seed says `contactPersons` is ignored for anonymous users too, yet gives its maximum for them
         *     (1): it is accepted, at most one. "Ignored" fields are accepted because Dellin accepts them; the reference
         *     lists every field, so no others are.
         */
        RequestDeliveryRequest: components["schemas"]["AuthorizedRequestDeliveryRequest"] | components["schemas"]["AnonymousRequestDeliveryRequest"];
        /**
         * @description A `requestDelivery` body **with** `sessionID` (an authorized user): address-book ids may replace the inline
         *     forms, and each mutually exclusive pair needs exactly one of its two members (see `RequestDeliveryRequest`).
         */
        AuthorizedRequestDeliveryRequest: {
            appkey: components["schemas"]["AppKey"];
            /** @description Session id from `login`; the request is made as that user. */
            sessionID: components["schemas"]["SessionID"];
            docID: components["schemas"]["DocID"];
            delivery: components["schemas"]["AuthorizedDelivery"];
            members: components["schemas"]["AuthorizedMembers"];
            payment: components["schemas"]["Payment"];
            notify?: components["schemas"]["Notify"];
        } & components["schemas"]["ThirdPartyPayerRule"];
        /**
         * @description A `requestDelivery` body **without** `sessionID` (an anonymous user): the inline forms are required
         *     (`address`, `phoneNumbers`, the third party's `counteragent`), at most one contact person and one phone
         *     number per member, and address-book ids are ignored (see `RequestDeliveryRequest`).
         */
        AnonymousRequestDeliveryRequest: {
            appkey: components["schemas"]["AppKey"];
            sessionID?: never;
            docID: components["schemas"]["DocID"];
            delivery: components["schemas"]["AnonymousDelivery"];
            members: components["schemas"]["AnonymousMembers"];
            payment: components["schemas"]["Payment"];
            notify?: components["schemas"]["Notify"];
        } & components["schemas"]["ThirdPartyPayerRule"];
        /**
         * @description `delivery.arrival.payer` = `third` ⇒ `members.third` is required, and exactly one of `payment.paymentCity` |
         *     `payment.paymentCitySearch` (the seed's `members.third` and `Payment` tables). With another payer the two
         *     payment fields are ignored. Constrains only the properties it names (`true` declares a name without
         *     constraining it; `additionalProperties: true` leaves the rest to the request's own schema).
         */
        ThirdPartyPayerRule: unknown;
        /** @description Parameters of the delivery (`request.delivery`) of an authorized request. */
        AuthorizedDelivery: {
            arrival: components["schemas"]["AuthorizedArrival"];
            comment?: components["schemas"]["DeliveryComment"];
        };
        /** @description Parameters of the delivery (`request.delivery`) of an anonymous request. */
        AnonymousDelivery: {
            arrival: components["schemas"]["AnonymousArrival"];
            comment?: components["schemas"]["DeliveryComment"];
        };
        /**
         * @description Comment to the order, at most 500 characters.
         * @example комментарий к отправке
         */
        DeliveryComment: string;
        /**
         * @description Delivery to the address (class `Arrival`), the fields both kinds of request share. Which of `addressID` /
         *     `address` is required depends on the session: `AuthorizedArrival`, `AnonymousArrival`.
         */
        Arrival: {
            /**
             * @description Id of the address in the address book. With a `sessionID`: exactly one of `addressID` | `address`.
             *     Without one: ignored.
             * @example 457824578
             */
            addressID?: number;
            address?: components["schemas"]["Address"];
            /**
             * @description Date the vehicle arrives at the receiver, `YYYY-MM-DD`. The possible dates are returned by
             *     `deliveryDates`.
             */
            produceDate: components["schemas"]["Date"];
            time: components["schemas"]["DeliveryTime"];
            handling?: components["schemas"]["Handling"];
            /**
             * @description Additional requirements for the vehicle: UIDs from the directories of special transport requirements
             *     and of loading types (side or rear loading, a crane, removing the tarpaulin, …). Side and top loading
             *     cannot be chosen together. In XML: one `<requirements>` element per UID.
             * @example [
             *       "0x9951e0ff97188f6b4b1b153dfde3cfec",
             *       "0xabb9c63c596b08f94c3664c930e77778"
             *     ]
             */
            requirements?: components["schemas"]["DirectoryUID"][];
            /** @description Who pays for the delivery — `sender`, `receiver` or `third` (then `members.third` is required). */
            payer: components["schemas"]["Payer"];
        };
        /** @description `Arrival` of an authorized request: exactly one of `addressID` | `address`. */
        AuthorizedArrival: components["schemas"]["Arrival"] & ({
            /** @description From the address book. */
            addressID: unknown;
            address?: never;
        } | {
            /** @description Given inline. */
            address: unknown;
            addressID?: never;
        });
        /** @description `Arrival` of an anonymous request: `address` is required; an `addressID` is ignored. */
        AnonymousArrival: {
            /** @description Required without a session. */
            address: unknown;
        } & WithRequired<components["schemas"]["Arrival"], "address">;
        /**
         * @description An address (class `Address`), used for `delivery.arrival.address` and `Counteragent.juridicalAddress`.
         *     Every field is marked "Нет (1)" / "(2)" and the notes (1) and (2) are missing from the seed, so no field is
         *     required here. Presumably `search` (free text) or the KLADR `street` with `house` must be given
         *     (unconfirmed, not enforced: the mock accepts what the seed allows).
         */
        Address: {
            /**
             * @description The address as free text, at most 1024 characters: the settlement first, elements separated by commas
             *     (`Омск, Ленина, 5`), or coordinates, latitude first (`59.924501, 30.241762`). Coordinates must not be
             *     used for a legal (`juridicalAddress`) address.
             * @example Омск, Ленина, 5
             */
            search?: string;
            /** @description KLADR code of the street (25 digits). */
            street?: components["schemas"]["KladrCode"];
            /**
             * @description House number including its letter, e.g. `13/А`; at most 7 characters.
             * @example 4
             */
            house?: string;
            /**
             * @description Building («корпус»), at most 5 characters.
             * @example 3
             */
            building?: string;
            /**
             * @description Structure («строение»), at most 7 characters.
             * @example лит.А
             */
            structure?: string;
            /**
             * @description Flat or office number, a letter allowed (`222 А`); at most 5 characters.
             * @example 214а
             */
            flat?: string;
        };
        /** @description Time window of the delivery (`delivery.arrival.time`). All times are `HH:MM`. */
        DeliveryTime: {
            /** @description Start of the delivery window, `HH:MM`. */
            worktimeStart: components["schemas"]["TimeOfDay"];
            /**
             * @description End of the delivery window, `HH:MM`.
             * @example 18:00
             */
            worktimeEnd: components["schemas"]["TimeOfDay"];
            /**
             * @description Deliver at an exact time. Default `false` (seed).
             * @default false
             * @example true
             */
            exactTime?: boolean;
            /**
             * @description Start of the receiver's break, `HH:MM`.
             * @example 12:30
             */
            breakStart?: components["schemas"]["TimeOfDay"];
            /**
             * @description End of the receiver's break, `HH:MM`.
             * @example 13:30
             */
            breakEnd?: components["schemas"]["TimeOfDay"];
        };
        /** @description Loading and unloading work at the address (`delivery.arrival.handling`). */
        Handling: {
            /**
             * @description There is a freight lift. Default `false` (seed).
             * @default false
             * @example true
             */
            freightLift?: boolean;
            /**
             * @description Floor the cargo must be lifted to; at most 5 characters (the seed's only rule, so -9999…99999; whether
             *     basement floors make sense is unconfirmed).
             * @example 10
             */
            toFloor?: number;
            /**
             * @description Distance the cargo must be carried, in metres; at most 5 characters (the seed's only rule: a negative
             *     distance means nothing, but is not refused here).
             * @example 50
             */
            carry?: number;
        };
        /** @description Parties of the carriage (`request.members`) of an authorized request. */
        AuthorizedMembers: {
            receiver: components["schemas"]["AuthorizedMember"];
            third?: components["schemas"]["AuthorizedThirdMember"];
        };
        /** @description Parties of the carriage (`request.members`) of an anonymous request. */
        AnonymousMembers: {
            receiver: components["schemas"]["AnonymousMember"];
            third?: components["schemas"]["AnonymousThirdMember"];
        };
        /**
         * @description A party of the carriage (class `Member`), the fields both kinds of request share; which are required, and
         *     how many items the lists may hold, depends on the session (`AuthorizedMember`, `AnonymousMember`).
         *     `counteragentID`, `counteragent`, `email` and `dataForReceipt` are used only for `members.third`; on the
         *     receiver they mean nothing. No list has a minimum length (the seed gives none).
         */
        Member: {
            /**
             * @description Id of the counterparty in the address book (third party only). With a `sessionID`: exactly one of
             *     `counteragentID` | `counteragent`. Without one: ignored.
             * @example 456783515
             */
            counteragentID?: number;
            counteragent?: components["schemas"]["Counteragent"];
            /**
             * @description Ids of contact persons from the address book, at most 3. With a `sessionID`: exactly one of `contactIDs`
             *     | `contactPersons`. Without one: ignored. In XML: one `<contactIDs>` element per id.
             * @example [
             *       12345678,
             *       78456123
             *     ]
             */
            contactIDs?: number[];
            /**
             * @description Contact persons given inline: at most 3 for authorized users, at most 1 for anonymous ones. With a
             *     `sessionID`: exactly one of `contactIDs` | `contactPersons`. In XML: one `<contactPersons>` element per
             *     person.
             */
            contactPersons?: components["schemas"]["ContactPersons"][];
            /**
             * @description Ids of phone numbers from the address book, at most 3. With a `sessionID`: exactly one of `phoneIDs` |
             *     `phoneNumbers`. Without one: ignored. In XML: one `<phoneIDs>` element per id.
             * @example [
             *       98765412,
             *       65478921
             *     ]
             */
            phoneIDs?: number[];
            /**
             * @description Phone numbers given inline: at most 3 for authorized users; for anonymous ones required, at most 1. With
             *     a `sessionID`: exactly one of `phoneIDs` | `phoneNumbers`. In XML: one `<phoneNumbers>` element per number.
             */
            phoneNumbers?: components["schemas"]["PhoneNumbers"][];
            /** @description E-mail of the customer of the carriage (third party only). */
            email?: components["schemas"]["Email"];
            dataForReceipt?: components["schemas"]["DataForReceipt"];
        };
        /**
         * @description A member of an authorized request: exactly one of `contactIDs` | `contactPersons`, and exactly one of
         *     `phoneIDs` | `phoneNumbers` (the seed: "передача одного из взаимоисключающих параметров … является
         *     обязательной").
         */
        AuthorizedMember: components["schemas"]["Member"] & ({
            /** @description From the address book. */
            contactIDs: unknown;
            contactPersons?: never;
        } | {
            /** @description Given inline. */
            contactPersons: unknown;
            contactIDs?: never;
        }) & ({
            /** @description From the address book. */
            phoneIDs: unknown;
            phoneNumbers?: never;
        } | {
            /** @description Given inline. */
            phoneNumbers: unknown;
            phoneIDs?: never;
        });
        /**
         * @description The third party of an authorized request (required when `delivery.arrival.payer` is `third`): an
         *     `AuthorizedMember` with exactly one of `counteragentID` | `counteragent`.
         */
        AuthorizedThirdMember: components["schemas"]["AuthorizedMember"] & ({
            /** @description From the address book. */
            counteragentID: unknown;
            counteragent?: never;
        } | {
            /** @description Given inline. */
            counteragent: unknown;
            counteragentID?: never;
        });
        /**
         * @description A member of an anonymous request: `phoneNumbers` required, at most 1 phone number and 1 contact person;
         *     `contactIDs` and `phoneIDs` are ignored.
         */
        AnonymousMember: {
            contactPersons?: unknown;
            phoneNumbers: unknown;
        } & WithRequired<components["schemas"]["Member"], "phoneNumbers">;
        /**
         * @description The third party of an anonymous request (required when `delivery.arrival.payer` is `third`): an
         *     `AnonymousMember` with `counteragent` (required); a `counteragentID` is ignored.
         */
        AnonymousThirdMember: {
            /** @description Required without a session. */
            counteragent: unknown;
        } & components["schemas"]["AnonymousMember"];
        /** @description A contact person given inline (class `ContactPersons`). */
        ContactPersons: {
            /**
             * @description Name of the contact person.
             * @example Иван Иванович
             */
            name: string;
        };
        /** @description A phone number given inline (class `PhoneNumbers`). */
        PhoneNumbers: {
            /**
             * @description Phone number: digits only; a leading `+` is allowed only before `7` or `375`.
             * @example 79213332211
             */
            number: string;
            /**
             * @description Extension, at most 5 digits.
             * @example 0123
             */
            ext?: string;
        };
        /**
         * @description A counterparty given inline (class `Counteragent`, third party only). The seed's rules by kind of person:
         *
         *     * legal entity (`form` is the UID of a legal-entity legal form): `inn` required; `juridicalAddress` is used
         *       for legal entities only;
         *     * natural person (`form` is the UID of a natural-person legal form): `document` required, `inn` ignored,
         *       and `members.third.dataForReceipt` required.
         *
         *     **What the mock can and cannot check.** Which `form` UIDs mean a natural person is known only to Dellin (the
         *     legal-form search method), so neither the schema nor the mock can tell the two kinds apart: they do not
         *     require `inn`, `document` or `dataForReceipt`, and they accept `inn` on a natural person (Dellin ignores it).
         *     They do check each of these when it is sent: `inn` non-empty, `document` with its `type` and `number`, and
         *     `dataForReceipt` with `phone` or `email` when `send` is `true`.
         */
        Counteragent: {
            /**
             * @description UID of the legal form («ОПФ»), see the legal-form search method.
             * @example 0x8F51001438C4D49511DBD774581EDB80
             */
            form: components["schemas"]["DirectoryUID"];
            /**
             * @description Name of the person or of the legal entity.
             * @example Ромашка
             */
            name: string;
            /**
             * @description Taxpayer number (ИНН). Required for legal entities, ignored for natural persons; its maximum length
             *     depends on the country and the legal form.
             * @example 1234567890
             */
            inn?: string;
            /** @description Legal address (legal entities only). Coordinates must not be used in its `search`. */
            juridicalAddress?: components["schemas"]["Address"];
            document?: components["schemas"]["IdentityDocument"];
        };
        /** @description Identity document (`Counteragent.document`), required for a natural person. */
        IdentityDocument: {
            type: components["schemas"]["DocumentType"];
            /**
             * @description Series of the document. Required («Да*») except for some countries, where it is not needed and ignored;
             *     because of these exceptions it is not in `required` here.
             * @example 0000
             */
            serial?: string;
            /**
             * @description Number of the document; its format depends on the country.
             * @example 123456
             */
            number: string;
        };
        /**
         * @description Where to send the electronic receipt to a natural-person payer (third party only; required when the
         *     counterparty is a natural person). When `send` is `true`, at least one of `phone` | `email` is required.
         */
        DataForReceipt: {
            /**
             * @description Consent to receive the electronic receipt of the payment.
             * @example true
             */
            send: boolean;
            /**
             * @description Phone for the receipt, `+79XXXXXXXXX`.
             * @example +79999999999
             */
            phone?: string;
            /** @description E-mail for the receipt. */
            email?: components["schemas"]["Email"];
        };
        /**
         * @description Payment (class `Payment`). With `delivery.arrival.payer` = `third`, exactly one of the mutually exclusive
         *     `paymentCity` | `paymentCitySearch` is required; otherwise both are ignored (accepted, see
         *     `ThirdPartyPayerRule`). The source's note (1) on `type`, `paymentCity` and `paymentCitySearch` is missing.
         */
        Payment: {
            type: components["schemas"]["PaymentType"];
            /**
             * @description Promo code. If it cannot be applied, the answer says so in `data.information`.
             * @example promo123
             */
            promocode?: string;
            /** @description E-mail for the invoice; used only with `type` = `noncash` (bank transfer). */
            email?: components["schemas"]["Email"];
            /**
             * @description KLADR code of the settlement of payment (25 digits); mutually exclusive with `paymentCitySearch`.
             * @example 7800000000000000000000000
             */
            paymentCity?: components["schemas"]["KladrCode"];
            paymentCitySearch?: components["schemas"]["PaymentCitySearch"];
        };
        /** @description The settlement of payment as free text; mutually exclusive with `paymentCity`. */
        PaymentCitySearch: {
            /**
             * @description The settlement as free text, at most 1024 characters. The country, region or district may be added to
             *     tell settlements of the same name apart.
             * @example Омск
             */
            search: string;
        };
        /** @description Contacts for notifications (`request.notify`). */
        Notify: {
            /**
             * @description Phone number, `7XXXXXXXXXX` (11 digits starting with 7, no `+`).
             * @example 79999999999
             */
            phone?: string;
            email?: components["schemas"]["Email"];
        };
        /**
         * @description System part of every answer. `status` emulates the HTTP status (`200` on success). The reference spells the
         *     generation time `generated_at`; the example of `request_delivery` spells it `generatedAt` — both are
         *     described. Paginated methods add `totalPages`, `currentPage`, `nextPage`, `prevPage` (not used here).
         *     Other fields may be added.
         */
        Metadata: {
            /**
             * @description Emulated HTTP status; `200` on success, the error status in an error body.
             * @example 200
             */
            status: number;
            /** @description When the answer was generated, `YYYY-MM-DD HH:MM:SS`. */
            generated_at?: components["schemas"]["DateTimeString"];
            /** @description The same as `generated_at`, spelled as in the example of `request_delivery`. */
            generatedAt?: components["schemas"]["DateTimeString"];
            /**
             * @description Optional short text about the status.
             * @example abc
             */
            detail?: string;
        };
        /** @description An address or settlement Dellin matched to a `search` string of the request (class `FoundAddresses`). */
        FoundAddress: {
            /**
             * @description The request object that carried the `search`, e.g. `delivery.arrival.address`.
             * @example delivery.arrival.address
             */
            field?: string;
            /**
             * @description The text that was sent.
             * @example Омск, Ленина, 5
             */
            source?: string;
            /**
             * @description The address or settlement found.
             * @example Россия, Омская обл, г Омск, ул Ленина, д 5
             */
            result?: string;
        };
        /** @description Answer of `requestDelivery` / `requestDeliveryXml` (under `<response>` in XML). Other fields may be added. */
        RequestDeliveryResponse: {
            metadata: components["schemas"]["Metadata"];
            data: components["schemas"]["RequestDeliveryResult"];
        };
        /**
         * @description Result of creating the delivery request. Authorized users may also get an `addressBook` part (unconfirmed
         *     for this method); other fields may be added.
         */
        RequestDeliveryResult: {
            /**
             * @description State of the operation in English; the only documented value is `success`.
             * @example success
             */
            state: string;
            /**
             * @description Number of the created delivery request.
             * @example 3954004
             */
            requestID: number;
            /**
             * @description Informational messages, e.g. that the promo code cannot be applied. In XML: one `<information>` element
             *     per message.
             * @example [
             *       "Промокод нельзя применить в заказе"
             *     ]
             */
            information?: string[];
            /**
             * @description Addresses and settlements found for the `search` strings of the request (`Address.search`,
             *     `payment.paymentCitySearch.search`); present only when such a string was sent. In XML: one
             *     `<foundAddresses>` element per item.
             */
            foundAddresses?: components["schemas"]["FoundAddress"][];
        };
        /**
         * @description Body of `deliveryDates` / `deliveryDatesXml` (under `<request>` in XML). The fields come from the reference's
         *     example; which of them are required beyond `appkey`, `sessionID`, `docID` and `delivery.arrival` is
         *     unconfirmed, so unknown fields are not forbidden.
         */
        DeliveryDatesRequest: {
            appkey: components["schemas"]["AppKey"];
            /** @description Session id from `login` (required — the method is for authorized users only). */
            sessionID: components["schemas"]["SessionID"];
            /**
             * @description Number of the order, waybill or request.
             * @example 2000085063763
             */
            docID: components["schemas"]["DocID"];
            /** @description Delivery parameters. */
            delivery: {
                arrival: components["schemas"]["DeliveryDatesArrival"];
            };
        };
        /**
         * @description The delivery address and conditions (`delivery.arrival` of `deliveryDates`); the public SDK allows an empty
         *     object. `addressID` and `address` are alternatives (presumably exclusive, unconfirmed).
         */
        DeliveryDatesArrival: {
            /**
             * @description Id of the address in the address book.
             * @example 457824578
             */
            addressID?: number;
            address?: components["schemas"]["Address"];
            /**
             * @description KLADR code of the settlement (25 digits).
             * @example 5500000100000000000000000
             */
            city?: components["schemas"]["KladrCode"];
            /** @description Time conditions of the delivery. */
            time?: {
                /**
                 * @description Delivery at an exact time.
                 * @example false
                 */
                exactTime?: boolean;
            };
            handling?: components["schemas"]["Handling"];
            /** @description Transport-requirement UIDs. In XML, one `<requirements>` element per UID. */
            requirements?: components["schemas"]["DirectoryUID"][];
        };
        /** @description Answer of `deliveryDates` / `deliveryDatesXml` (under `<response>` in XML). Other fields may be added. */
        DeliveryDatesResponse: {
            metadata: components["schemas"]["Metadata"];
            /** @description The available dates. */
            data: {
                /** @description Dates on which delivery can be ordered, `YYYY-MM-DD`. In XML, one `<dates>` element per date. */
                dates: components["schemas"]["Date"][];
                /** @description Present only when `address.search` was sent. */
                foundAddresses?: components["schemas"]["FoundAddress"][];
            };
        };
        /** @description Body of `login` / `loginXml` (under `<request>` in XML). The reference lists every field. */
        LoginRequest: {
            appkey: components["schemas"]["AppKey"];
            /**
             * @description Login of the personal account — its e-mail, or its phone number as `+7XXXXXXXXXX` (12 characters).
             * @example user@example.ru
             * @example +79991234567
             */
            login: string;
            /**
             * Format: password
             * @description Password of the personal account.
             * @example s3cret-Pa55
             */
            password: string;
        };
        /** @description Answer of `login` / `loginXml` (under `<response>` in XML). Other fields may be added. */
        LoginResponse: {
            metadata: components["schemas"]["Metadata"];
            /** @description The new session. */
            data: {
                sessionID: components["schemas"]["SessionID"];
            };
        };
        /**
         * @description Body of `logout` and `sessionInfo` (and their XML twins, under `<request>`): the credentials only. From
         *     public client code; other fields are not forbidden.
         */
        SessionRequest: {
            appkey: components["schemas"]["AppKey"];
            sessionID: components["schemas"]["SessionID"];
        };
        /**
         * @description Answer of `logout` / `logoutXml` (under `<response>` in XML). Unconfirmed: probably only `metadata`; any
         *     `data` is accepted.
         */
        LogoutResponse: {
            metadata: components["schemas"]["Metadata"];
            /** @description Contents unconfirmed. */
            data?: {
                [key: string]: unknown;
            };
        };
        /**
         * @description Answer of `sessionInfo` / `sessionInfoXml` (under `<response>` in XML). Field names from the public SDK;
         *     exact types unconfirmed. Other fields may be added.
         */
        SessionInfoResponse: {
            metadata: components["schemas"]["Metadata"];
            /** @description Session data. */
            data: {
                /** @description The session. */
                session: {
                    /** @description When the session expires, `YYYY-MM-DD HH:MM:SS`; `null` when it has expired. */
                    expireTime?: components["schemas"]["DateTimeString"] | null;
                    /**
                     * @description The session has expired.
                     * @example false
                     */
                    expired?: boolean;
                };
            };
        };
        /**
         * @description Error body («Ошибки методов API»): `metadata` with the error status and one item per error in `errors`.
         *     In XML (unconfirmed beyond `<response><metadata><status>`): one `<errors>` element per error, with
         *     repeated `<fields>`, `<validValues>` and `<badValues>`. Clients have also met `errors` as a plain string,
         *     as an object keyed by field, and a legacy `{error: {description}}` body — not modelled. May arrive with HTTP
         *     `200`. Other fields may be added.
         */
        DellinError: {
            metadata: components["schemas"]["Metadata"];
            /** @description The errors, one item each. */
            errors: components["schemas"]["ErrorItem"][];
        };
        /** @description One error. Other fields may be added. */
        ErrorItem: {
            /**
             * @description Error code, e.g. `281016`, `281017`, `117004`. The catalogue of common codes is not public, so no
             *     values are fixed.
             * @example 117004
             */
            code: number;
            /**
             * @description Short title of the error.
             * @example Значение не найдено в справочнике
             */
            title?: string;
            /**
             * @description Explanation of the error.
             * @example Значение не найдено в справочнике специальных требований к транспорту
             */
            detail?: string;
            /**
             * Format: uri
             * @description Link to the description of the error (`…#error_<code>`).
             * @example https://dev.dellin.ru/api/errors/#error_117004
             */
            link?: string;
            /**
             * @description Request parameters at fault.
             * @example [
             *       "delivery.arrival.requirements"
             *     ]
             */
            fields?: string[];
            /**
             * @description The allowed values, when the error is about a value outside a list.
             * @example [
             *       1,
             *       2,
             *       3
             *     ]
             */
            validValues?: unknown[];
            /**
             * @description The rejected values.
             * @example [
             *       "0xa77fcf6a449164ed490133777a68bd51"
             *     ]
             */
            badValues?: unknown[];
        };
    };
    responses: {
        /**
         * @description The request was rejected: a required field is missing, a value has the wrong format or is not in a
         *     directory (`117004`) or an allowed list (`281017`), or the order cannot get delivery. `errors[].fields` names
         *     the parameters at fault. May also arrive as HTTP `200` with `metadata.status` = `400`. The local mock host
         *     answers a request that breaks this contract with `400` as well.
         */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DellinError"];
                "application/xml": components["schemas"]["DellinError"] | components["schemas"]["XmlDocument"];
            };
        };
        /**
         * @description The `sessionID` is missing where required, unknown or expired, or the login / password is wrong (status
         *     from the modelled list; unconfirmed). Log in again.
         */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DellinError"];
                "application/xml": components["schemas"]["DellinError"] | components["schemas"]["XmlDocument"];
            };
        };
        /** @description The `appkey` is invalid or not allowed to call the method (status from the modelled list; unconfirmed). */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DellinError"];
                "application/xml": components["schemas"]["DellinError"] | components["schemas"]["XmlDocument"];
            };
        };
        /** @description The order (`docID`) or another referenced object was not found (status from the modelled list; unconfirmed). */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DellinError"];
                "application/xml": components["schemas"]["DellinError"] | components["schemas"]["XmlDocument"];
            };
        };
        /** @description Internal error on Dellin's side (status from the modelled list; unconfirmed). Retry later. */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DellinError"];
                "application/xml": components["schemas"]["DellinError"] | components["schemas"]["XmlDocument"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    requestDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestDeliveryRequest"];
            };
        };
        responses: {
            /**
             * @description The delivery request has been created (`metadata.status` = `200`). An error body (`DellinError`) with
             *     `metadata.status` ≠ `200` may also arrive with HTTP `200` — check `metadata.status` and `errors`.
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RequestDeliveryResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    requestDeliveryXml: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/xml": components["schemas"]["RequestDeliveryRequest"] | components["schemas"]["XmlDocument"];
            };
        };
        responses: {
            /**
             * @description The delivery request has been created (`<metadata><status>200</status>`). An error body with another
             *     `metadata.status` may also arrive with HTTP `200`.
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": components["schemas"]["RequestDeliveryResponse"] | components["schemas"]["XmlDocument"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    deliveryDates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeliveryDatesRequest"];
            };
        };
        responses: {
            /**
             * @description Available dates (`metadata.status` = `200`). An error body with another `metadata.status` may also
             *     arrive with HTTP `200`.
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryDatesResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    deliveryDatesXml: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/xml": components["schemas"]["DeliveryDatesRequest"] | components["schemas"]["XmlDocument"];
            };
        };
        responses: {
            /** @description Available dates. An error body with another `metadata.status` may also arrive with HTTP `200`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": components["schemas"]["DeliveryDatesResponse"] | components["schemas"]["XmlDocument"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /**
             * @description The session has been opened. An error body with another `metadata.status` may also arrive with HTTP
             *     `200` (for example for a wrong password).
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoginResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    loginXml: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/xml": components["schemas"]["LoginRequest"] | components["schemas"]["XmlDocument"];
            };
        };
        responses: {
            /** @description The session has been opened. An error body with another `metadata.status` may also arrive with HTTP `200`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": components["schemas"]["LoginResponse"] | components["schemas"]["XmlDocument"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionRequest"];
            };
        };
        responses: {
            /** @description The session has been closed (answer body unconfirmed). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogoutResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    logoutXml: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/xml": components["schemas"]["SessionRequest"] | components["schemas"]["XmlDocument"];
            };
        };
        responses: {
            /** @description The session has been closed (answer body unconfirmed). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": components["schemas"]["LogoutResponse"] | components["schemas"]["XmlDocument"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    sessionInfo: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SessionRequest"];
            };
        };
        responses: {
            /** @description State of the session. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionInfoResponse"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
    sessionInfoXml: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/xml": components["schemas"]["SessionRequest"] | components["schemas"]["XmlDocument"];
            };
        };
        responses: {
            /** @description State of the session. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/xml": components["schemas"]["SessionInfoResponse"] | components["schemas"]["XmlDocument"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            500: components["responses"]["InternalServerError"];
        };
    };
}
type WithRequired<T, K extends keyof T> = T & {
    [P in K]-?: T[P];
};
