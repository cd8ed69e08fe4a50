// Every event detail type of the kit's components, in one place: the generated `api.ts` of each
// component names them from here. The shared vocabulary (login / error / cancel / agreement-*) is
// core/flows/events.ts; the rest belong to one component each.
export type {
  LoginEventDetail, ErrorEventDetail, CancelEventDetail, AgreementTapEventDetail, AgreementChangeEventDetail,
  EventMethod, EventAction, CancelReason, MfaMarker, NavigateEventDetail,
} from '../../core/flows/events';
export type { RegisterEventDetail } from '../../core/flows/events';
export type { PhoneEventDetail } from '../../core/flows/phone-button-flow';
export type { AvatarChangeEventDetail, AvatarLoadEventDetail } from '../../core/flows/avatar-uploader-flow';
export type { ProfileLoadEventDetail, ProfileSaveEventDetail, ProfileChangeEventDetail } from '../../core/flows/profile-form-flow';
export type { SendCodeEventDetail, TabChangeEventDetail, ScreenChangeEventDetail } from '../../core/flows/login-form';
export type { BindEventDetail, BindSendCodeEventDetail } from '../../core/flows/bind-phone-flow';
export type { PrivacyEventDetail } from '../../core/flows/privacy-flow';
export type { AccountChangeEventDetail, AccountDeleteEventDetail, LogoutEventDetail } from '../../core/flows/account-flow';
export type { PasswordResetEventDetail } from '../../core/flows/events';
