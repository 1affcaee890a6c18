// Generated from specs/dellin.yaml by `npm run generate`. Do not edit by hand.
// For each operation with an XML body: which elements repeat and which texts are numbers or booleans.

export interface XmlShape {
  root: string;
  arrays: readonly string[];
  numbers: readonly string[];
  integers: readonly string[];
  booleans: readonly string[];
}

export const xmlShapes: Readonly<Record<string, XmlShape>> = {
  "DellinError": {
    "root": "response",
    "arrays": [
      "response.errors",
      "response.errors.badValues",
      "response.errors.fields",
      "response.errors.validValues"
    ],
    "numbers": [
      "response.errors.code",
      "response.metadata.status"
    ],
    "integers": [
      "response.errors.code",
      "response.metadata.status"
    ],
    "booleans": []
  },
  "RequestDeliveryResponse": {
    "root": "response",
    "arrays": [
      "response.data.foundAddresses",
      "response.data.information"
    ],
    "numbers": [
      "response.data.requestID",
      "response.metadata.status"
    ],
    "integers": [
      "response.data.requestID",
      "response.metadata.status"
    ],
    "booleans": []
  },
  "RequestDeliveryRequest": {
    "root": "request",
    "arrays": [
      "request.delivery.arrival.requirements",
      "request.members.receiver.contactIDs",
      "request.members.receiver.contactPersons",
      "request.members.receiver.phoneIDs",
      "request.members.receiver.phoneNumbers",
      "request.members.third.contactIDs",
      "request.members.third.contactPersons",
      "request.members.third.phoneIDs",
      "request.members.third.phoneNumbers"
    ],
    "numbers": [
      "request.delivery.arrival.addressID",
      "request.delivery.arrival.handling.carry",
      "request.delivery.arrival.handling.toFloor",
      "request.members.receiver.contactIDs",
      "request.members.receiver.counteragentID",
      "request.members.receiver.phoneIDs",
      "request.members.third.contactIDs",
      "request.members.third.counteragentID",
      "request.members.third.phoneIDs"
    ],
    "integers": [
      "request.delivery.arrival.addressID",
      "request.delivery.arrival.handling.carry",
      "request.delivery.arrival.handling.toFloor",
      "request.members.receiver.contactIDs",
      "request.members.receiver.counteragentID",
      "request.members.receiver.phoneIDs",
      "request.members.third.contactIDs",
      "request.members.third.counteragentID",
      "request.members.third.phoneIDs"
    ],
    "booleans": [
      "request.delivery.arrival.handling.freightLift",
      "request.delivery.arrival.time.exactTime",
      "request.members.receiver.dataForReceipt.send",
      "request.members.third.dataForReceipt.send"
    ]
  },
  "DeliveryDatesResponse": {
    "root": "response",
    "arrays": [
      "response.data.dates",
      "response.data.foundAddresses"
    ],
    "numbers": [
      "response.metadata.status"
    ],
    "integers": [
      "response.metadata.status"
    ],
    "booleans": []
  },
  "DeliveryDatesRequest": {
    "root": "request",
    "arrays": [
      "request.delivery.arrival.requirements"
    ],
    "numbers": [
      "request.delivery.arrival.addressID",
      "request.delivery.arrival.handling.carry",
      "request.delivery.arrival.handling.toFloor"
    ],
    "integers": [
      "request.delivery.arrival.addressID",
      "request.delivery.arrival.handling.carry",
      "request.delivery.arrival.handling.toFloor"
    ],
    "booleans": [
      "request.delivery.arrival.handling.freightLift",
      "request.delivery.arrival.time.exactTime"
    ]
  },
  "LoginResponse": {
    "root": "response",
    "arrays": [],
    "numbers": [
      "response.metadata.status"
    ],
    "integers": [
      "response.metadata.status"
    ],
    "booleans": []
  },
  "LoginRequest": {
    "root": "request",
    "arrays": [],
    "numbers": [],
    "integers": [],
    "booleans": []
  },
  "SessionInfoResponse": {
    "root": "response",
    "arrays": [],
    "numbers": [
      "response.metadata.status"
    ],
    "integers": [
      "response.metadata.status"
    ],
    "booleans": [
      "response.data.session.expired"
    ]
  }
};

/** Per operation: its path, and the name in `xmlShapes` of its request's shape and of each response status's shape. */
export const xmlOperations: Readonly<Record<string, { path: string; request?: string; responses: Readonly<Record<string, string>> }>> = {
  "requestDelivery": {
    "path": "/v2/request_delivery.json",
    "responses": {
      "400": "DellinError",
      "401": "DellinError",
      "403": "DellinError",
      "404": "DellinError",
      "500": "DellinError"
    }
  },
  "requestDeliveryXml": {
    "path": "/v2/request_delivery.xml",
    "request": "RequestDeliveryRequest",
    "responses": {
      "200": "RequestDeliveryResponse",
      "400": "DellinError",
      "401": "DellinError",
      "403": "DellinError",
      "404": "DellinError",
      "500": "DellinError"
    }
  },
  "deliveryDates": {
    "path": "/v2/request_delivery/address/dates.json",
    "responses": {
      "400": "DellinError",
      "401": "DellinError",
      "403": "DellinError",
      "404": "DellinError",
      "500": "DellinError"
    }
  },
  "deliveryDatesXml": {
    "path": "/v2/request_delivery/address/dates.xml",
    "request": "DeliveryDatesRequest",
    "responses": {
      "200": "DeliveryDatesResponse",
      "400": "DellinError",
      "401": "DellinError",
      "403": "DellinError",
      "404": "DellinError",
      "500": "DellinError"
    }
  },
  "login": {
    "path": "/v3/auth/login.json",
    "responses": {
      "400": "DellinError",
      "401": "DellinError",
      "403": "DellinError",
      "404": "DellinError",
      "500": "DellinError"
    }
  },
  "loginXml": {
    "path": "/v3/auth/login.xml",
    "request": "LoginRequest",
    "responses": {
      "200": "LoginResponse",
      "400": "DellinError",
      "401": "DellinError",
      "403": "DellinError",
      "404": "DellinError",
      "500": "DellinError"
    }
  },
  "logout": {
    "path": "/v3/auth/logout.json",
    "responses": {
      "400": "DellinError",
      "401": "DellinError",
      "403": "DellinError",
      "404": "DellinError",
      "500": "DellinError"
    }
  },
  "logoutXml": {
    "path": "/v3/auth/logout.xml",
    "request": "LoginRequest",
    "responses": {
      "200": "LoginResponse",
      "400": "DellinError",
      "401": "DellinError",
      "403": "DellinError",
      "404": "DellinError",
      "500": "DellinError"
    }
  },
  "sessionInfo": {
    "path": "/v3/auth/session_info.json",
    "responses": {
      "400": "DellinError",
      "401": "DellinError",
      "403": "DellinError",
      "404": "DellinError",
      "500": "DellinError"
    }
  },
  "sessionInfoXml": {
    "path": "/v3/auth/session_info.xml",
    "request": "LoginRequest",
    "responses": {
      "200": "SessionInfoResponse",
      "400": "DellinError",
      "401": "DellinError",
      "403": "DellinError",
      "404": "DellinError",
      "500": "DellinError"
    }
  }
};
