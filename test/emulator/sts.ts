/**
 * STS over awsQuery: GetCallerIdentity, which the extension asks once per profile to show the account id in
 * confirmations (and, with several connections, on each connection's root).
 */
import { ACCOUNT_ID } from './model';
import {
  accessDeniedMessage,
  type ErrorFaultKind,
  EXPIRED_TOKEN_MESSAGE,
  HOSTILE_ERROR_MESSAGE,
  type IncomingCall,
  INVALID_TOKEN_MESSAGE,
  type ServiceAdapter,
  type ServiceCall,
  type WireResponse,
} from './protocol';
import { QueryError, queryErrorResponse, queryResultResponse, readForm } from './query';

const XMLNS = 'https://sts.amazonaws.com/doc/2011-06-15/';
const VERSION = '2011-06-15';

/** The emulator's caller: one IAM user in the account of the signing key (the sample data's by default). */
export function callerIdentity(account = ACCOUNT_ID): { UserId: string; Account: string; Arn: string } {
  return { UserId: 'AIDAEXAMPLEUSER0000001', Account: account, Arn: `arn:aws:iam::${account}:user/dev` };
}

export const sts: ServiceAdapter = {
  name: 'sts',

  recognize(incoming: IncomingCall): ServiceCall | undefined {
    const form = readForm(incoming);
    // STS and RDS share the protocol; the API version tells them apart (the SDK always sends it).
    if (!form || form['Version'] !== VERSION) {
      return undefined;
    }
    const action = form['Action'];
    return {
      service: 'sts',
      operation: action,
      params: form,
      run: () =>
        action === 'GetCallerIdentity'
          ? queryResultResponse(XMLNS, action, callerIdentity(incoming.account), incoming.requestId)
          : queryErrorResponse(XMLNS, new QueryError(400, 'InvalidAction', `The action ${action} is not valid for this web service.`), incoming.requestId),
    };
  },

  faultResponse(kind: ErrorFaultKind, call: ServiceCall, incoming: IncomingCall): WireResponse {
    const errors: Record<ErrorFaultKind, QueryError> = {
      throttle: new QueryError(400, 'Throttling', 'Rate exceeded'),
      accessDenied: new QueryError(403, 'AccessDenied', accessDeniedMessage(`sts:${call.operation}`, '*')),
      expiredToken: new QueryError(400, 'ExpiredToken', EXPIRED_TOKEN_MESSAGE),
      invalidCredentials: new QueryError(403, 'InvalidClientTokenId', INVALID_TOKEN_MESSAGE),
      serverError: new QueryError(500, 'InternalFailure', 'An internal error occurred.', 'Receiver'),
      hostileMessage: new QueryError(400, 'ValidationError', HOSTILE_ERROR_MESSAGE),
    };
    return queryErrorResponse(XMLNS, errors[kind], incoming.requestId);
  },
};
